import {HEX} from '../../../lib/random.js'
import type {Rule} from '../../types.js'
import {keyedRule, randomKey} from '../build.js'

/** NewsAPI: its key, from the provider's published format. */
export const NEWSAPI_RULES: readonly Rule[] = [
  keyedRule({
    id: 'newsapi-api-key',
    provider: 'NewsAPI',
    description: 'A NewsAPI key: runs news searches on the account\'s plan.',
    words: 'news[_.-]?api',
    keywords: ['newsapi', 'news_api', 'news-api', 'news.api'],
    value: '[a-f0-9]{32}',
    entropy: 3,
    severity: 'low',
    fake: () => randomKey(HEX, 32),
    exampleName: 'NEWSAPI_KEY',
  }),
]
