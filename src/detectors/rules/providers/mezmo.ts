import {HEX} from '../../../lib/random.js'
import type {Rule} from '../../types.js'
import {keyedRule, randomKey} from '../build.js'

/** Mezmo: its key, from the provider's published format. */
export const MEZMO_RULES: readonly Rule[] = [
  keyedRule({
    id: 'mezmo-ingestion-key',
    provider: 'Mezmo',
    description: 'A Mezmo (LogDNA) ingestion or service key: ships logs into, or exports, the account\'s logs.',
    words: 'mezmo|logdna',
    keywords: ['mezmo', 'logdna'],
    value: '[a-f0-9]{32}',
    entropy: 3,
    severity: 'medium',
    fake: () => randomKey(HEX, 32),
    exampleName: 'LOGDNA_INGESTION_KEY',
  }),
]
