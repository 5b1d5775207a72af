import {ALNUM} from '../../../lib/random.js'
import type {Rule} from '../../types.js'
import {keyedRule, randomKey} from '../build.js'

/** Disqus: its key, from the provider's published format. */
export const DISQUS_RULES: readonly Rule[] = [
  keyedRule({
    id: 'disqus-api-secret',
    provider: 'Disqus',
    description: 'A Disqus API secret: acts on the forum\'s comments and moderation as the app.',
    words: 'disqus',
    value: '[A-Za-z0-9]{64}',
    entropy: 3,
    fake: () => randomKey(ALNUM, 64),
    secretNameOnly: true,
    exampleName: 'DISQUS_API_SECRET',
  }),
]
