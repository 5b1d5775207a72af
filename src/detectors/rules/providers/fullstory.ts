import {BASE64} from '../../../lib/random.js'
import type {Rule} from '../../types.js'
import {keyedRule, randomKey} from '../build.js'

/** FullStory: its key, from the provider's published format. */
export const FULLSTORY_RULES: readonly Rule[] = [
  keyedRule({
    id: 'fullstory-api-key',
    provider: 'FullStory',
    description: 'A FullStory API key: exports the org\'s session data and changes its settings.',
    words: 'full[_.-]?story',
    keywords: ['fullstory', 'full_story', 'full-story', 'full.story'],
    value: '(?:na1|eu1)\\.[A-Za-z0-9+/=_-]{40,}',
    entropy: 3.5,
    fake: () => `na1.${randomKey(BASE64, 60)}`,
    exampleName: 'FULLSTORY_API_KEY',
  }),
]
