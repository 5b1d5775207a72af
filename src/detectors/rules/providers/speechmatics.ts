import {ALNUM} from '../../../lib/random.js'
import type {Rule} from '../../types.js'
import {keyedRule, randomKey} from '../build.js'

/** Speechmatics: its key, from the provider's published format. */
export const SPEECHMATICS_RULES: readonly Rule[] = [
  keyedRule({
    id: 'speechmatics-api-key',
    provider: 'Speechmatics',
    description: 'A Speechmatics API key: transcribes audio billed to the account.',
    words: 'speechmatics',
    value: '[A-Za-z0-9]{32}',
    entropy: 3,
    fake: () => randomKey(ALNUM, 32),
    exampleName: 'SPEECHMATICS_API_KEY',
  }),
]
