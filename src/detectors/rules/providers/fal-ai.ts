import {HEX} from '../../../lib/random.js'
import type {Rule} from '../../types.js'
import {keyedRule, randomKey, randomUuid} from '../build.js'

/** fal.ai: its key, from the provider's published format. */
export const FAL_AI_RULES: readonly Rule[] = [
  keyedRule({
    id: 'fal-ai-api-key',
    provider: 'fal.ai',
    description: 'A fal.ai key (id:secret): runs generative models billed to the account.',
    words: 'fal(?:[_.-]?ai)?',
    keywords: ['fal_', 'fal-', 'fal.', 'falapi', 'falkey', 'faltoken', 'falsecret', 'falauth', 'falaccess', 'falclient', 'falprivate', 'falapp', 'falwrite', 'falrest', 'falrecord', 'falsdk', 'falpat', 'falpassword'],
    value: '[a-f0-9]{8}-[a-f0-9]{4}-[a-f0-9]{4}-[a-f0-9]{4}-[a-f0-9]{12}:[a-f0-9]{32}',
    entropy: 3,
    fake: () => `${randomUuid()}:${randomKey(HEX, 32)}`,
    exampleName: 'FAL_KEY',
    nearMisses: () => [`FAL_KEY=${randomUuid()}`],
  }),
]
