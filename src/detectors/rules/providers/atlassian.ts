import {ALNUM} from '../../../lib/random.js'
import type {Rule} from '../../types.js'
import {keyedRule, randomKey, tokenRule} from '../build.js'

/** Atlassian: its keys, from the provider's published format. */
export const ATLASSIAN_RULES: readonly Rule[] = [
  tokenRule({
    id: 'atlassian-api-token',
    provider: 'Atlassian',
    description: 'An Atlassian API token: Jira and Confluence access as the user who made it.',
    keywords: ['atatt3'],
    body: 'ATATT3[A-Za-z0-9_=-]{186}',
    entropy: 4,
    fake: () => `ATATT3${randomKey(ALNUM + '_-', 186)}`,
    nonMatches: () => [`ATATT3${randomKey(ALNUM, 100)}`],
  }),
  keyedRule({
    id: 'atlassian-legacy-api-token',
    provider: 'Atlassian',
    description: 'An Atlassian API token in the older 24-character form: Jira and Confluence access as its user.',
    words: 'atlassian|confluence|jira',
    keywords: ['atlassian', 'confluence', 'jira'],
    value: '[A-Za-z0-9]{24}',
    entropy: 3,
    fake: () => randomKey(ALNUM, 24),
    exampleName: 'JIRA_API_TOKEN',
  }),
]
