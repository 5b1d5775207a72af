import type {Rule} from '../../types.js'
import {ALNUM, randomString} from '../../../lib/random.js'
import {prefixRule} from '../build.js'

export const XAI_RULES: readonly Rule[] = [
  prefixRule({
    id: 'xai-api-key',
    provider: 'xAI',
    description: 'An xAI API key (`xai-`): Grok model calls billed to the team.',
    keywords: ['xai-'],
    body: 'xai-[A-Za-z0-9]{80}',
    entropy: 3.5,
    severity: 'high',
    envName: 'XAI_API_KEY',
    fake: () => `xai-${randomString(ALNUM, 80)}`,
    nonMatches: () => [`XAI_API_KEY=xai-${randomString(ALNUM, 40)}`, 'XAI_API_KEY=xai-...'],
  }),
]
