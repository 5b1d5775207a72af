import {HEX} from '../../../lib/random.js'
import type {Rule} from '../../types.js'
import {randomKey, tokenRule} from '../build.js'

/** DeepSource: its key, from the provider's published format. */
export const DEEPSOURCE_RULES: readonly Rule[] = [
  tokenRule({
    id: 'deepsource-pat',
    provider: 'DeepSource',
    description: 'A DeepSource personal access token (dsp_): reads the user\'s repositories\' analysis.',
    keywords: ['dsp_'],
    body: 'dsp_[a-f0-9]{40}',
    entropy: 3,
    fake: () => `dsp_${randomKey(HEX, 40)}`,
    nonMatches: () => [`dsp_${randomKey(HEX, 20)}`],
  }),
]
