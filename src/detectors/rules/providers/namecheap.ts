import {HEX} from '../../../lib/random.js'
import type {Rule} from '../../types.js'
import {keyedRule, randomKey} from '../build.js'

/** Namecheap: its key, from the provider's published format. */
export const NAMECHEAP_RULES: readonly Rule[] = [
  keyedRule({
    id: 'namecheap-api-key',
    provider: 'Namecheap',
    description: 'A Namecheap API key: changes the account\'s domains and DNS records.',
    words: 'namecheap',
    value: '[a-f0-9]{32}',
    entropy: 3,
    severity: 'critical',
    fake: () => randomKey(HEX, 32),
    exampleName: 'NAMECHEAP_API_KEY',
  }),
]
