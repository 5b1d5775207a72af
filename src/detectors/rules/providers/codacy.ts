import {ALNUM} from '../../../lib/random.js'
import type {Rule} from '../../types.js'
import {keyedRule, randomKey} from '../build.js'

/** Codacy: its key, from the provider's published format. */
export const CODACY_RULES: readonly Rule[] = [
  keyedRule({
    id: 'codacy-api-token',
    provider: 'Codacy',
    description: 'A Codacy API or project token: reads analysis results and uploads coverage.',
    words: 'codacy',
    value: '[A-Za-z0-9]{20,32}',
    entropy: 3,
    fake: () => randomKey(ALNUM, 32),
    exampleName: 'CODACY_PROJECT_TOKEN',
  }),
]
