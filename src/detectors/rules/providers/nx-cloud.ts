import {BASE64} from '../../../lib/random.js'
import type {Rule} from '../../types.js'
import {keyedRule, randomKey} from '../build.js'

/** Nx Cloud: its key, from the provider's published format. */
export const NX_CLOUD_RULES: readonly Rule[] = [
  keyedRule({
    id: 'nx-cloud-access-token',
    provider: 'Nx Cloud',
    description: 'An Nx Cloud access token: reads and writes the workspace\'s remote build cache.',
    words: 'nx[_.-]?cloud',
    keywords: ['nx_cloud', 'nx-cloud', 'nxcloud', 'nx.cloud'],
    value: '[A-Za-z0-9+/=|_-]{40,}',
    entropy: 3.5,
    fake: () => randomKey(BASE64, 76),
    secretNameOnly: true,
    exampleName: 'NX_CLOUD_ACCESS_TOKEN',
  }),
]
