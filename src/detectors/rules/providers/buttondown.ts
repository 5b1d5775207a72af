import type {Rule} from '../../types.js'
import {UUID, keyedRule, randomUuid} from '../build.js'

/** Buttondown: its key, from the provider's published format. */
export const BUTTONDOWN_RULES: readonly Rule[] = [
  keyedRule({
    id: 'buttondown-api-key',
    provider: 'Buttondown',
    description: 'A Buttondown API key: reads subscribers and sends the newsletter.',
    words: 'buttondown',
    value: UUID,
    entropy: 3,
    fake: randomUuid,
    exampleName: 'BUTTONDOWN_API_KEY',
  }),
]
