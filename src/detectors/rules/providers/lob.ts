import {HEX} from '../../../lib/random.js'
import type {Rule} from '../../types.js'
import {keyedRule, randomKey} from '../build.js'

/** Pre-filter literals for Lob names: `LOB_API_KEY`, `lob.key`, `lobApiKey`, `lobToken`. */
const LOB_KEYWORDS = ['lob_', 'lob-', 'lob.', 'lobapi', 'lobkey', 'lobtoken', 'lobsecret', 'lobpub', 'lobtest', 'loblive']

/** Lob: its keys, from the provider's published format. */
export const LOB_RULES: readonly Rule[] = [
  keyedRule({
    id: 'lob-api-key',
    provider: 'Lob',
    description: 'A Lob secret API key: sends letters and postcards billed to the account.',
    words: 'lob',
    // `lob` alone is in every `global` and `blob`; the name always runs on with a separator or a capital.
    keywords: LOB_KEYWORDS,
    value: '(?:live|test)_[a-fA-F0-9]{35}',
    entropy: 3,
    fake: () => `live_${randomKey(HEX, 35)}`,
    exampleName: 'LOB_API_KEY',
  }),
  keyedRule({
    id: 'lob-pub-api-key',
    provider: 'Lob',
    description: 'A Lob publishable key: verifies addresses against the account; public by design.',
    words: 'lob',
    // `lob` alone is in every `global` and `blob`; the name always runs on with a separator or a capital.
    keywords: LOB_KEYWORDS,
    value: '(?:live|test)_pub_[a-fA-F0-9]{31}',
    entropy: 3,
    severity: 'low',
    public: true,
    fake: () => `live_pub_${randomKey(HEX, 31)}`,
    exampleName: 'LOB_PUBLISHABLE_KEY',
  }),
]
