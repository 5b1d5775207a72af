import type {Rule} from '../../types.js'
import {UUID, keyedRule, randomUuid} from '../build.js'

/** Postmark: its key, from the provider's published format. */
export const POSTMARK_RULES: readonly Rule[] = [
  keyedRule({
    id: 'postmark-server-token',
    provider: 'Postmark',
    description: 'A Postmark server or account token: sends e-mail as the server and reads its message history.',
    words: 'postmark',
    value: UUID,
    entropy: 3,
    fake: randomUuid,
    secretNameOnly: true,
    exampleName: 'POSTMARK_SERVER_TOKEN',
  }),
]
