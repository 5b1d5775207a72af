import {ALNUM} from '../../../lib/random.js'
import type {Rule} from '../../types.js'
import {keyedRule, randomKey} from '../build.js'

/** DeepInfra: its key, from the provider's published format. */
export const DEEPINFRA_RULES: readonly Rule[] = [
  keyedRule({
    id: 'deepinfra-api-key',
    provider: 'DeepInfra',
    description: 'A DeepInfra API token: runs model calls billed to the account.',
    words: 'deep[_.-]?infra',
    keywords: ['deepinfra', 'deep_infra', 'deep-infra', 'deep.infra'],
    value: '[A-Za-z0-9]{32}',
    entropy: 3,
    fake: () => randomKey(ALNUM, 32),
    exampleName: 'DEEPINFRA_API_KEY',
  }),
]
