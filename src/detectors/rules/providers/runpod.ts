import type {Rule} from '../../types.js'
import {UPPER_ALNUM, randomKey, tokenRule} from '../build.js'

/** RunPod: its key, from the provider's published format. */
export const RUNPOD_RULES: readonly Rule[] = [
  tokenRule({
    id: 'runpod-api-key',
    provider: 'RunPod',
    description: 'A RunPod API key (rpa_): starts GPU pods and serverless jobs billed to the account.',
    keywords: ['rpa_'],
    body: 'rpa_[A-Z0-9]{40,48}',
    entropy: 3,
    fake: () => `rpa_${randomKey(UPPER_ALNUM, 44)}`,
    nonMatches: () => [`rpa_${randomKey(UPPER_ALNUM, 20)}`],
  }),
]
