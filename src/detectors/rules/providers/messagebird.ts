import {ALNUM} from '../../../lib/random.js'
import type {Rule} from '../../types.js'
import {UUID, keyedRule, randomKey, randomUuid} from '../build.js'

/** MessageBird: its keys, from the provider's published format. */
export const MESSAGEBIRD_RULES: readonly Rule[] = [
  keyedRule({
    id: 'messagebird-api-token',
    provider: 'MessageBird',
    description: 'A MessageBird (Bird) access key: sends SMS and voice messages billed to the account.',
    words: 'message[_.-]?bird',
    keywords: ['messagebird', 'message_bird', 'message-bird', 'message.bird'],
    value: '[A-Za-z0-9]{25}',
    entropy: 3,
    fake: () => randomKey(ALNUM, 25),
    exampleName: 'MESSAGEBIRD_ACCESS_KEY',
  }),
  keyedRule({
    id: 'messagebird-client-id',
    provider: 'MessageBird',
    description: 'A MessageBird client ID: identifies the integration; worth knowing where it is copied.',
    words: 'message[_.-]?bird',
    keywords: ['messagebird', 'message_bird', 'message-bird', 'message.bird'],
    value: UUID,
    entropy: 3,
    severity: 'low',
    fake: randomUuid,
    exampleName: 'MESSAGEBIRD_CLIENT_ID',
  }),
]
