import {HEX} from '../../../lib/random.js'
import type {Rule} from '../../types.js'
import {keyedRule, randomKey} from '../build.js'

/** ScraperAPI: its key, from the provider's published format. */
export const SCRAPERAPI_RULES: readonly Rule[] = [
  keyedRule({
    id: 'scraperapi-api-key',
    provider: 'ScraperAPI',
    description: 'A ScraperAPI key: spends the account\'s scraping credits.',
    words: 'scraper[_.-]?api',
    keywords: ['scraperapi', 'scraper_api', 'scraper-api', 'scraper.api'],
    value: '[a-f0-9]{32}',
    entropy: 3,
    fake: () => randomKey(HEX, 32),
    exampleName: 'SCRAPERAPI_KEY',
  }),
]
