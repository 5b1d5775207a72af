import {HEX} from '../../../lib/random.js'
import type {Rule} from '../../types.js'
import {keyedRule, randomKey} from '../build.js'

/** Private AI: its key, from the provider's published format. */
export const PRIVATE_AI_RULES: readonly Rule[] = [
  keyedRule({
    id: 'privateai-api-token',
    provider: 'Private AI',
    description: 'A Private AI API key: de-identification quota billed to the account.',
    words: 'private[_.-]?ai',
    keywords: ['privateai', 'private_ai', 'private-ai'],
    value: '[A-Za-z0-9]{32}',
    entropy: 3,
    severity: 'medium',
    fake: () => randomKey(HEX, 32),
    exampleName: 'PRIVATEAI_API_KEY',
  }),
]
