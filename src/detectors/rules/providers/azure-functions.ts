import {BASE64URL} from '../../../lib/random.js'
import type {Rule} from '../../types.js'
import {keyedRule, randomKey} from '../build.js'

/** Azure Functions: its key, from the provider's published format. */
export const AZURE_FUNCTIONS_RULES: readonly Rule[] = [
  keyedRule({
    id: 'azure-functions-key',
    provider: 'Azure Functions',
    description: 'An Azure Functions host or function key: calls the app\'s HTTP-triggered functions.',
    words: 'x[_.-]functions[_.-]key|azure[_.-]?function',
    keywords: ['functions-key', 'functions_key', 'azure_function', 'azure-function', 'azurefunction'],
    value: '[A-Za-z0-9_-]{54}==|[A-Za-z0-9_-]{56}',
    entropy: 3,
    severity: 'medium',
    fake: () => randomKey(BASE64URL, 56),
    exampleName: 'AZURE_FUNCTION_KEY',
  }),
]
