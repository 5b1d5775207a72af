import {ALNUM} from '../../../lib/random.js'
import type {Rule} from '../../types.js'
import {randomKey, tokenRule} from '../build.js'

/** EasyPost: its keys, from the provider's published format. */
export const EASYPOST_RULES: readonly Rule[] = [
  tokenRule({
    id: 'easypost-api-token',
    provider: 'EasyPost',
    description: 'An EasyPost production API key: buys postage charged to the account.',
    keywords: ['ezak'],
    body: 'EZAK[A-Za-z0-9]{54}',
    entropy: 3.5,
    fake: () => `EZAK${randomKey(ALNUM, 54)}`,
    nonMatches: () => [`blob+EZAK${randomKey(ALNUM, 54)}/more`, `EZAK${randomKey(ALNUM, 30)}`],
  }),
  tokenRule({
    id: 'easypost-test-api-token',
    provider: 'EasyPost',
    description: 'An EasyPost test API key: reaches the account\'s test mode.',
    keywords: ['eztk'],
    body: 'EZTK[A-Za-z0-9]{54}',
    entropy: 3.5,
    severity: 'medium',
    fake: () => `EZTK${randomKey(ALNUM, 54)}`,
    nonMatches: () => [`blob+EZTK${randomKey(ALNUM, 54)}/more`, `EZTK${randomKey(ALNUM, 30)}`],
  }),
]
