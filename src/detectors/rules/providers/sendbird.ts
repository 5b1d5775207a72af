import {HEX} from '../../../lib/random.js'
import type {Rule} from '../../types.js'
import {UUID, keyedRule, randomKey, randomUuid} from '../build.js'

/** Sendbird: its keys, from the provider's published format. */
export const SENDBIRD_RULES: readonly Rule[] = [
  keyedRule({
    id: 'sendbird-access-id',
    provider: 'Sendbird',
    description: 'A Sendbird application ID: identifies the app; the API token usually sits beside it.',
    words: 'sendbird',
    value: UUID,
    entropy: 3,
    severity: 'low',
    fake: randomUuid,
    exampleName: 'SENDBIRD_APP_ID',
  }),
  keyedRule({
    id: 'sendbird-access-token',
    provider: 'Sendbird',
    description: 'A Sendbird API token: reads and sends every chat message of the app.',
    words: 'sendbird',
    value: '[a-fA-F0-9]{40}',
    entropy: 3,
    fake: () => randomKey(HEX, 40),
    exampleName: 'SENDBIRD_API_TOKEN',
  }),
]
