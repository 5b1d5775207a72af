import {BASE64URL, HEX} from '../../../lib/random.js'
import type {Rule} from '../../types.js'
import {keyedRule, randomKey, tokenRule} from '../build.js'

/** Kit: its keys, from the provider's published format. */
export const KIT_RULES: readonly Rule[] = [
  tokenRule({
    id: 'kit-api-key',
    provider: 'Kit',
    description: 'A Kit (ConvertKit) v4 API key (kit_): reads and changes the creator\'s subscribers and broadcasts.',
    keywords: ['kit_'],
    body: 'kit_[a-f0-9]{32}',
    entropy: 3,
    fake: () => `kit_${randomKey(HEX, 32)}`,
    nonMatches: () => [`kit_${randomKey(HEX, 16)}`],
  }),
  keyedRule({
    id: 'convertkit-api-secret',
    provider: 'Kit',
    description: 'A ConvertKit v3 API secret: reads and changes the creator\'s subscribers and broadcasts.',
    words: 'convert[_.-]?kit',
    keywords: ['convertkit', 'convert_kit', 'convert-kit', 'convert.kit'],
    value: '[A-Za-z0-9_-]{43}',
    entropy: 3.5,
    fake: () => randomKey(BASE64URL, 43),
    secretNameOnly: true,
    exampleName: 'CONVERTKIT_API_SECRET',
  }),
]
