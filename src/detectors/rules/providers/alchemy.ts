import {BASE64URL} from '../../../lib/random.js'
import type {Rule} from '../../types.js'
import {keyedRule, randomKey} from '../build.js'

/** Alchemy: its key, from the provider's published format. */
export const ALCHEMY_RULES: readonly Rule[] = [
  keyedRule({
    id: 'alchemy-api-key',
    provider: 'Alchemy',
    description: 'An Alchemy API key: calls blockchain nodes billed to the app\'s compute units.',
    words: 'alchemy',
    value: '[A-Za-z0-9_-]{32}',
    entropy: 3,
    severity: 'medium',
    fake: () => randomKey(BASE64URL, 32),
    secretNameOnly: true,
    exampleName: 'ALCHEMY_API_KEY',
  }),
]
