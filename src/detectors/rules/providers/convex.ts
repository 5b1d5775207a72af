import {BASE64, DIGITS} from '../../../lib/random.js'
import type {Rule} from '../../types.js'
import {randomKey, tokenRule} from '../build.js'

/** Convex: its key, from the provider's published format. */
export const CONVEX_RULES: readonly Rule[] = [
  tokenRule({
    id: 'convex-deploy-key',
    provider: 'Convex',
    description: 'A Convex deploy key: pushes functions to, and reads data from, the deployment it names.',
    keywords: ['prod:', 'preview:', 'dev:'],
    body: '(?:prod|preview|dev):[a-z]+-[a-z]+-[0-9]{2,4}\\|[A-Za-z0-9+/=_-]{40,}',
    entropy: 3.5,
    fake: () => `prod:happy-animal-${randomKey(DIGITS, 3)}|${randomKey(BASE64, 60)}`,
    nonMatches: () => [`prod:happy-animal-${randomKey(DIGITS, 3)}|`, `prod:happy-animal-123|${randomKey(BASE64, 20)}`],
  }),
]
