import {ALNUM} from '../../../lib/random.js'
import type {Rule} from '../../types.js'
import {keyedRule, randomKey} from '../build.js'

/** Coder: its key, from the provider's published format. */
export const CODER_RULES: readonly Rule[] = [
  keyedRule({
    id: 'coder-session-token',
    provider: 'Coder',
    description: 'A Coder session token: opens and runs the user\'s remote workspaces.',
    words: 'coder',
    value: '[A-Za-z0-9]{10}-[A-Za-z0-9]{22}',
    entropy: 3,
    fake: () => `${randomKey(ALNUM, 10)}-${randomKey(ALNUM, 22)}`,
    secretNameOnly: true,
    exampleName: 'CODER_SESSION_TOKEN',
  }),
]
