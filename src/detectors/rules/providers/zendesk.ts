import {ALNUM} from '../../../lib/random.js'
import type {Rule} from '../../types.js'
import {keyedRule, randomKey} from '../build.js'

/** Zendesk: its key, from the provider's published format. */
export const ZENDESK_RULES: readonly Rule[] = [
  keyedRule({
    id: 'zendesk-secret-key',
    provider: 'Zendesk',
    description: 'A Zendesk API token: reads and changes the account\'s tickets and users.',
    words: 'zendesk',
    value: '[A-Za-z0-9]{40}',
    entropy: 3,
    fake: () => randomKey(ALNUM, 40),
    exampleName: 'ZENDESK_API_TOKEN',
  }),
]
