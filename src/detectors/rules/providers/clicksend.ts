import type {Rule} from '../../types.js'
import {keyedRule, randomUuid} from '../build.js'

/** ClickSend: its key, from the provider's published format. */
export const CLICKSEND_RULES: readonly Rule[] = [
  keyedRule({
    id: 'clicksend-api-key',
    provider: 'ClickSend',
    description: 'A ClickSend API key: sends SMS, post and voice messages billed to the account.',
    words: 'click[_.-]?send',
    keywords: ['clicksend', 'click_send', 'click-send', 'click.send'],
    value: '[A-F0-9]{8}-[A-F0-9]{4}-[A-F0-9]{4}-[A-F0-9]{4}-[A-F0-9]{12}',
    entropy: 3,
    fake: () => randomUuid().toUpperCase(),
    secretNameOnly: true,
    exampleName: 'CLICKSEND_API_KEY',
  }),
]
