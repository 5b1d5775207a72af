import {HEX} from '../../../lib/random.js'
import type {Rule} from '../../types.js'
import {UUID, keyedRule, randomKey, randomUuid, tokenRule} from '../build.js'

/** Plaid: its keys, from the provider's published format. */
export const PLAID_RULES: readonly Rule[] = [
  tokenRule({
    id: 'plaid-api-token',
    provider: 'Plaid',
    description: 'A Plaid access token: reads a linked bank account\'s transactions and balances.',
    keywords: ['access-sandbox-', 'access-development-', 'access-production-'],
    body: `access-(?:sandbox|development|production)-${UUID}`,
    entropy: 3,
    severity: 'critical',
    fake: () => `access-production-${randomUuid()}`,
    nonMatches: () => [`access-production-${randomKey(HEX, 8)}`],
  }),
  keyedRule({
    id: 'plaid-client-id',
    provider: 'Plaid',
    description: 'A Plaid client ID: identifies the Plaid account; the secret usually sits beside it.',
    words: 'plaid',
    value: '[A-Za-z0-9]{24}',
    entropy: 3,
    severity: 'low',
    fake: () => randomKey(HEX, 24),
    exampleName: 'PLAID_CLIENT_ID',
  }),
  keyedRule({
    id: 'plaid-secret-key',
    provider: 'Plaid',
    description: 'A Plaid secret: with the client ID it reaches every linked bank account.',
    words: 'plaid',
    value: '[A-Za-z0-9]{30}',
    entropy: 3,
    severity: 'critical',
    fake: () => randomKey(HEX, 30),
    exampleName: 'PLAID_SECRET',
  }),
]
