import {HEX} from '../../../lib/random.js'
import type {Rule} from '../../types.js'
import {keyedRule, randomKey} from '../build.js'

/** Semgrep: its key, from the provider's published format. */
export const SEMGREP_RULES: readonly Rule[] = [
  keyedRule({
    id: 'semgrep-app-token',
    provider: 'Semgrep',
    description: 'A Semgrep app token: uploads scan results and reads the organisation\'s findings.',
    words: 'semgrep',
    value: '[a-f0-9]{64}',
    entropy: 3,
    fake: () => randomKey(HEX, 64),
    exampleName: 'SEMGREP_APP_TOKEN',
  }),
]
