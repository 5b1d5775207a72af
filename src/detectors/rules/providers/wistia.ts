import {HEX} from '../../../lib/random.js'
import type {Rule} from '../../types.js'
import {keyedRule, randomKey} from '../build.js'

/** Wistia: its key, from the provider's published format. */
export const WISTIA_RULES: readonly Rule[] = [
  keyedRule({
    id: 'wistia-api-token',
    provider: 'Wistia',
    description: 'A Wistia API token: uploads, changes and deletes the account\'s videos.',
    words: 'wistia',
    value: '[a-f0-9]{64}',
    entropy: 3,
    fake: () => randomKey(HEX, 64),
    exampleName: 'WISTIA_API_TOKEN',
  }),
]
