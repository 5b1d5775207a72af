import type {Rule} from '../../types.js'
import {UPPER_ALNUM, keyedRule, randomKey} from '../build.js'

/** ScrapingBee: its key, from the provider's published format. */
export const SCRAPINGBEE_RULES: readonly Rule[] = [
  keyedRule({
    id: 'scrapingbee-api-key',
    provider: 'ScrapingBee',
    description: 'A ScrapingBee API key: spends the account\'s scraping credits.',
    words: 'scraping[_.-]?bee',
    keywords: ['scrapingbee', 'scraping_bee', 'scraping-bee', 'scraping.bee'],
    value: '[A-Z0-9]{80}',
    entropy: 3,
    fake: () => randomKey(UPPER_ALNUM, 80),
    exampleName: 'SCRAPINGBEE_API_KEY',
  }),
]
