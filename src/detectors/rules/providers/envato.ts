import {ALNUM} from '../../../lib/random.js'
import type {Rule} from '../../types.js'
import {keyedRule, randomKey} from '../build.js'

/** Envato: its key, from the provider's published format. */
export const ENVATO_RULES: readonly Rule[] = [
  keyedRule({
    id: 'envato-personal-token',
    provider: 'Envato',
    description: 'An Envato personal token: reads the account\'s purchases and verifies licence codes.',
    words: 'envato',
    value: '[A-Za-z0-9]{32}',
    entropy: 3,
    severity: 'medium',
    fake: () => randomKey(ALNUM, 32),
    secretNameOnly: true,
    exampleName: 'ENVATO_PERSONAL_TOKEN',
  }),
]
