import type {Rule} from '../../types.js'
import {UUID, keyedRule, randomUuid} from '../build.js'

/** Sematext: its key, from the provider's published format. */
export const SEMATEXT_RULES: readonly Rule[] = [
  keyedRule({
    id: 'sematext-app-token',
    provider: 'Sematext',
    description: 'A Sematext app token: ships logs or metrics into the app.',
    words: 'sematext',
    value: UUID,
    entropy: 3,
    severity: 'medium',
    fake: randomUuid,
    exampleName: 'SEMATEXT_LOGS_TOKEN',
  }),
]
