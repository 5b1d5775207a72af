import {HEX} from '../../../lib/random.js'
import type {Rule} from '../../types.js'
import {keyedRule, randomKey} from '../build.js'

/** Abstract API: its key, from the provider's published format. */
export const ABSTRACT_API_RULES: readonly Rule[] = [
  keyedRule({
    id: 'abstract-api-key',
    provider: 'Abstract API',
    description: 'An Abstract API key: calls validation and lookup APIs on the account\'s plan.',
    words: 'abstract[_.-]?api',
    keywords: ['abstractapi', 'abstract_api', 'abstract-api', 'abstract.api'],
    value: '[a-f0-9]{32}',
    entropy: 3,
    severity: 'low',
    fake: () => randomKey(HEX, 32),
    exampleName: 'ABSTRACT_API_KEY',
  }),
]
