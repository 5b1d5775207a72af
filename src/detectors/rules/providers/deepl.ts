import type {Rule} from '../../types.js'
import {keyedRule, randomUuid} from '../build.js'

/** DeepL: its key, from the provider's published format. */
export const DEEPL_RULES: readonly Rule[] = [
  keyedRule({
    id: 'deepl-api-key',
    provider: 'DeepL',
    description: 'A DeepL API key: translates text billed to the account.',
    words: 'deepl',
    value: '[a-f0-9]{8}-[a-f0-9]{4}-[a-f0-9]{4}-[a-f0-9]{4}-[a-f0-9]{12}(?::fx)?',
    entropy: 3,
    fake: () => `${randomUuid()}:fx`,
    exampleName: 'DEEPL_AUTH_KEY',
  }),
]
