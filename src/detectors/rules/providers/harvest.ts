import {BASE64URL, DIGITS} from '../../../lib/random.js'
import type {Rule} from '../../types.js'
import {keyedRule, randomKey} from '../build.js'

/** Harvest: its key, from the provider's published format. */
export const HARVEST_RULES: readonly Rule[] = [
  keyedRule({
    id: 'harvest-access-token',
    provider: 'Harvest',
    description: 'A Harvest personal access token: reads and changes the account\'s time entries, invoices and clients.',
    words: 'harvest',
    value: '[0-9]{7}\\.pt\\.[A-Za-z0-9_-]{86}',
    entropy: 3,
    fake: () => `${randomKey(DIGITS, 7)}.pt.${randomKey(BASE64URL, 86)}`,
    exampleName: 'HARVEST_ACCESS_TOKEN',
  }),
]
