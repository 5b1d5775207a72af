import {HEX} from '../../../lib/random.js'
import type {Rule} from '../../types.js'
import {keyedRule, randomKey} from '../build.js'

/** Avalara: its key, from the provider's published format. */
export const AVALARA_RULES: readonly Rule[] = [
  keyedRule({
    id: 'avalara-license-key',
    provider: 'Avalara',
    description: 'An Avalara AvaTax licence key: with its account id it calculates and commits the business\'s tax records.',
    words: 'avalara|avatax',
    keywords: ['avalara', 'avatax'],
    value: '[A-F0-9]{16}',
    entropy: 3,
    fake: () => randomKey(HEX, 16).toUpperCase(),
    exampleName: 'AVATAX_LICENSE_KEY',
  }),
]
