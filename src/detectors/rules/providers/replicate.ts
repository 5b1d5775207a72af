import type {Rule} from '../../types.js'
import {ALNUM, randomString} from '../../../lib/random.js'
import {prefixRule} from '../build.js'

export const REPLICATE_RULES: readonly Rule[] = [
  prefixRule({
    id: 'replicate-api-token',
    provider: 'Replicate',
    description: 'A Replicate API token (`r8_`): runs models billed to the account and reads its predictions.',
    keywords: ['r8_'],
    body: 'r8_[A-Za-z0-9]{37}',
    entropy: 3.5,
    severity: 'high',
    envName: 'REPLICATE_API_TOKEN',
    fake: () => `r8_${randomString(ALNUM, 37)}`,
    nonMatches: () => [`REPLICATE_API_TOKEN=r8_${randomString(ALNUM, 20)}`, 'REPLICATE_API_TOKEN=r8_...', 'REPLICATE_API_TOKEN=r8_your_token_here'],
  }),
]
