import {BASE64URL} from '../../../lib/random.js'
import type {Rule} from '../../types.js'
import {keyedRule, randomKey} from '../build.js'

/** Ideogram: its key, from the provider's published format. */
export const IDEOGRAM_RULES: readonly Rule[] = [
  keyedRule({
    id: 'ideogram-api-key',
    provider: 'Ideogram',
    description: 'An Ideogram API key: generates images billed to the account.',
    words: 'ideogram',
    value: '[A-Za-z0-9_-]{86}',
    entropy: 3.5,
    fake: () => randomKey(BASE64URL, 86),
    exampleName: 'IDEOGRAM_API_KEY',
  }),
]
