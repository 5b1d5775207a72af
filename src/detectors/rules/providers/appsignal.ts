import type {Rule} from '../../types.js'
import {UUID, keyedRule, randomUuid} from '../build.js'

/** AppSignal: its key, from the provider's published format. */
export const APPSIGNAL_RULES: readonly Rule[] = [
  keyedRule({
    id: 'appsignal-push-api-key',
    provider: 'AppSignal',
    description: 'An AppSignal push API key: sends errors and metrics into the organisation\'s apps.',
    words: 'appsignal',
    value: UUID,
    entropy: 3,
    severity: 'medium',
    fake: randomUuid,
    exampleName: 'APPSIGNAL_PUSH_API_KEY',
  }),
]
