import {ALNUM} from '../../../lib/random.js'
import type {Rule} from '../../types.js'
import {keyedRule, randomKey} from '../build.js'

/** Bandwidth: its key, from the provider's published format. */
export const BANDWIDTH_RULES: readonly Rule[] = [
  keyedRule({
    id: 'bandwidth-api-secret',
    provider: 'Bandwidth',
    description: 'A Bandwidth API secret: sends messages and places calls billed to the account.',
    words: 'bandwidth',
    value: '[A-Za-z0-9]{40,50}',
    entropy: 3,
    fake: () => randomKey(ALNUM, 48),
    secretNameOnly: true,
    exampleName: 'BANDWIDTH_API_SECRET',
  }),
]
