import {BASE64URL} from '../../../lib/random.js'
import type {Rule} from '../../types.js'
import {keyedRule, randomKey} from '../build.js'

/** Miro: its key, from the provider's published format. */
export const MIRO_RULES: readonly Rule[] = [
  keyedRule({
    id: 'miro-access-token',
    provider: 'Miro',
    description: 'A Miro access token: reads and changes the team\'s boards.',
    words: 'miro',
    value: 'eyJtaXJvLm9yaWdpbiI6ImV1MDEifQ_[A-Za-z0-9_-]{20,}|[A-Za-z0-9_-]{27}',
    entropy: 3.5,
    fake: () => `eyJtaXJvLm9yaWdpbiI6ImV1MDEifQ_${randomKey(BASE64URL, 27)}`,
    secretNameOnly: true,
    exampleName: 'MIRO_ACCESS_TOKEN',
  }),
]
