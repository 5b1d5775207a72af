import {ALNUM} from '../../../lib/random.js'
import type {Rule} from '../../types.js'
import {randomKey, tokenRule} from '../build.js'

/** Apify: its key, from the provider's published format. */
export const APIFY_RULES: readonly Rule[] = [
  tokenRule({
    id: 'apify-api-token',
    provider: 'Apify',
    description: 'An Apify API token (apify_api_): runs actors and reads datasets as the user.',
    keywords: ['apify_api_'],
    body: 'apify_api_[A-Za-z0-9]{36}',
    entropy: 3,
    fake: () => `apify_api_${randomKey(ALNUM, 36)}`,
    nonMatches: () => [`apify_api_${randomKey(ALNUM, 20)}`],
  }),
]
