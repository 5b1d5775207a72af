import {BASE64URL} from '../../../lib/random.js'
import type {Rule} from '../../types.js'
import {randomKey, tokenRule} from '../build.js'

/** NVIDIA: its key, from the provider's published format. */
export const NVIDIA_RULES: readonly Rule[] = [
  tokenRule({
    id: 'nvidia-api-key',
    provider: 'NVIDIA',
    description: 'An NVIDIA API key (nvapi-): calls NIM model endpoints and NGC on the account.',
    keywords: ['nvapi-'],
    body: 'nvapi-[A-Za-z0-9_-]{64}',
    entropy: 3,
    fake: () => `nvapi-${randomKey(BASE64URL, 64)}`,
    nonMatches: () => [`nvapi-${randomKey(BASE64URL, 30)}`],
  }),
]
