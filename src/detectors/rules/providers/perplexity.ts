import type {Rule} from '../../types.js'
import {ALNUM, randomString} from '../../../lib/random.js'
import {prefixRule} from '../build.js'

export const PERPLEXITY_RULES: readonly Rule[] = [
  prefixRule({
    id: 'perplexity-api-key',
    provider: 'Perplexity',
    description: 'A Perplexity API key (`pplx-`): search-model calls billed to the account.',
    keywords: ['pplx-'],
    body: 'pplx-[A-Za-z0-9]{40,64}',
    entropy: 3.5,
    severity: 'high',
    envName: 'PERPLEXITY_API_KEY',
    fake: () => `pplx-${randomString(ALNUM, 48)}`,
    nonMatches: () => ['PERPLEXITY_API_KEY=pplx-xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx', `PERPLEXITY_API_KEY=pplx-${randomString(ALNUM, 20)}`],
  }),
]
