import type {Rule} from '../../types.js'
import {LOWER_ALNUM, UUID, keyedRule, randomKey, randomUuid, tokenRule} from '../build.js'

/** Make: its keys, from the provider's published format. */
export const MAKE_RULES: readonly Rule[] = [
  tokenRule({
    id: 'make-webhook-url',
    provider: 'Make',
    description: 'A Make (Integromat) webhook URL: anyone holding it can trigger the scenario and feed it data.',
    keywords: ['make.com', 'integromat.com'],
    body: 'https://hook\\.(?:[a-z]{2}[0-9]\\.)?(?:make|integromat)\\.com/[a-z0-9]{32}',
    before: '',
    after: 'A-Za-z0-9',
    entropy: 3,
    severity: 'medium',
    fake: () => `https://hook.eu1.make.com/${randomKey(LOWER_ALNUM, 32)}`,
    nonMatches: () => [`https://hook.eu1.make.com/${randomKey(LOWER_ALNUM, 16)}`],
  }),
  keyedRule({
    id: 'make-api-token',
    provider: 'Make',
    description: 'A Make API token: reads and changes the organisation\'s scenarios and connections.',
    words: 'make[_.-]?(?:com|api)|integromat',
    keywords: ['make_com', 'make-com', 'makecom', 'make.com', 'make_api', 'make-api', 'makeapi', 'make.api', 'integromat'],
    value: UUID,
    entropy: 3,
    fake: randomUuid,
    secretNameOnly: true,
    exampleName: 'MAKE_API_TOKEN',
  }),
]
