import {ALNUM} from '../../../lib/random.js'
import type {Rule} from '../../types.js'
import {keyedRule, randomKey, randomUuid} from '../build.js'

/** Webex: its key, from the provider's published format. */
export const WEBEX_RULES: readonly Rule[] = [
  keyedRule({
    id: 'webex-bot-token',
    provider: 'Webex',
    description: 'A Webex bot or personal access token: reads and sends messages in the bot\'s or user\'s spaces.',
    words: 'webex|ciscospark|spark[_.-]?bot',
    keywords: ['webex', 'ciscospark', 'sparkbot', 'spark_bot', 'spark-bot', 'spark.bot'],
    value: '[A-Za-z0-9]{64}_[A-Za-z0-9]{4}_[a-f0-9]{8}-[a-f0-9]{4}-[a-f0-9]{4}-[a-f0-9]{4}-[a-f0-9]{12}',
    entropy: 3,
    fake: () => `${randomKey(ALNUM, 64)}_${randomKey(ALNUM, 4)}_${randomUuid()}`,
    exampleName: 'WEBEX_BOT_TOKEN',
  }),
]
