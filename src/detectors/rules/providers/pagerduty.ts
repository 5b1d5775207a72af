import {BASE64URL} from '../../../lib/random.js'
import type {Rule} from '../../types.js'
import {keyedRule, randomKey} from '../build.js'

/** PagerDuty: its key, from the provider's published format. */
export const PAGERDUTY_RULES: readonly Rule[] = [
  keyedRule({
    id: 'pagerduty-api-key',
    provider: 'PagerDuty',
    description: 'A PagerDuty REST API key: reads and changes the account\'s services, schedules and incidents.',
    words: 'pager[_.-]?duty',
    keywords: ['pagerduty', 'pager_duty', 'pager-duty', 'pager.duty'],
    value: '(?:u\\+)?[A-Za-z0-9_+-]{20}',
    entropy: 3,
    fake: () => `u+${randomKey(BASE64URL, 18)}`,
    secretNameOnly: true,
    exampleName: 'PAGERDUTY_API_KEY',
  }),
]
