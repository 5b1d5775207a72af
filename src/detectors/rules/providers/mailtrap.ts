import {HEX} from '../../../lib/random.js'
import type {Rule} from '../../types.js'
import {keyedRule, randomKey} from '../build.js'

/** Mailtrap: its key, from the provider's published format. */
export const MAILTRAP_RULES: readonly Rule[] = [
  keyedRule({
    id: 'mailtrap-api-token',
    provider: 'Mailtrap',
    description: 'A Mailtrap API token: sends e-mail and reads the account\'s test inboxes.',
    words: 'mailtrap',
    value: '[a-f0-9]{32}',
    entropy: 3,
    fake: () => randomKey(HEX, 32),
    exampleName: 'MAILTRAP_API_TOKEN',
  }),
]
