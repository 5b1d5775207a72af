import {ALNUM} from '../../../lib/random.js'
import type {Rule} from '../../types.js'
import {keyedRule, randomKey} from '../build.js'

/** Moz: its key, from the provider's published format. */
export const MOZ_RULES: readonly Rule[] = [
  keyedRule({
    id: 'moz-secret-key',
    provider: 'Moz',
    description: 'A Moz API secret key: runs link and SEO queries on the account\'s quota.',
    words: 'moz',
    keywords: ['moz_', 'moz-', 'mozapi', 'mozsecret'],
    value: '[A-Za-z0-9]{32}',
    entropy: 3,
    severity: 'low',
    fake: () => randomKey(ALNUM, 32),
    secretNameOnly: true,
    exampleName: 'MOZ_SECRET_KEY',
  }),
]
