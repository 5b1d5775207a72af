import type {Rule} from '../../types.js'
import {UUID, keyedRule, randomUuid} from '../build.js'

/** Wise: its key, from the provider's published format. */
export const WISE_RULES: readonly Rule[] = [
  keyedRule({
    id: 'wise-api-token',
    provider: 'Wise',
    description: 'A Wise (TransferWise) API token: reads balances and, by its scope, sends money from the account.',
    words: 'wise|transfer[_.-]?wise',
    keywords: ['wise_', 'wise-', 'wise.', 'wiseapi', 'wisekey', 'wisetoken', 'wisesecret', 'wiseauth', 'wiseaccess', 'wiseclient', 'wiseprivate', 'wiseapp', 'wisewrite', 'wiserest', 'wiserecord', 'wisesdk', 'wisepat', 'wisepassword'],
    value: UUID,
    entropy: 3,
    severity: 'critical',
    fake: randomUuid,
    secretNameOnly: true,
    exampleName: 'WISE_API_TOKEN',
  }),
]
