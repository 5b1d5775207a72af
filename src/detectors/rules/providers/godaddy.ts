import {ALNUM} from '../../../lib/random.js'
import type {Rule} from '../../types.js'
import {keyedRule, randomKey} from '../build.js'

/** GoDaddy: its key, from the provider's published format. */
export const GODADDY_RULES: readonly Rule[] = [
  keyedRule({
    id: 'godaddy-api-secret',
    provider: 'GoDaddy',
    description: 'A GoDaddy API secret: with its key it changes the account\'s domains and DNS records.',
    words: 'godaddy|go[_.-]daddy',
    keywords: ['godaddy', 'go_daddy', 'go-daddy', 'go.daddy'],
    value: '[A-Za-z0-9]{22}',
    entropy: 3,
    severity: 'critical',
    fake: () => randomKey(ALNUM, 22),
    secretNameOnly: true,
    exampleName: 'GODADDY_API_SECRET',
  }),
]
