import {ALNUM, BASE64URL, HEX} from '../../../lib/random.js'
import type {Rule} from '../../types.js'
import {UPPER_ALNUM, keyedRule, randomKey, tokenRule} from '../build.js'

/** New Relic: its keys, from the provider's published format. */
export const NEW_RELIC_RULES: readonly Rule[] = [
  tokenRule({
    id: 'new-relic-browser-api-token',
    provider: 'New Relic',
    description: 'A New Relic browser key: sends browser monitoring data to the account; public by design.',
    keywords: ['nrjs-'],
    body: 'NRJS-[a-f0-9]{19}',
    entropy: 3,
    severity: 'low',
    public: true,
    fake: () => `NRJS-${randomKey(HEX, 19)}`,
    nonMatches: () => [`NRJS-${randomKey(HEX, 10)}`],
  }),
  tokenRule({
    id: 'new-relic-insert-key',
    provider: 'New Relic',
    description: 'A New Relic insert key: writes events and metrics into the account.',
    keywords: ['nrii-'],
    body: 'NRII-[A-Za-z0-9_-]{32}',
    entropy: 3,
    severity: 'medium',
    fake: () => `NRII-${randomKey(BASE64URL, 32)}`,
    nonMatches: () => [`NRII-${randomKey(BASE64URL, 12)}`],
  }),
  keyedRule({
    id: 'new-relic-user-api-id',
    provider: 'New Relic',
    description: 'A New Relic user or account credential under a New Relic name: queries and configures the account.',
    words: 'new[_.-]?relic',
    keywords: ['newrelic', 'new_relic', 'new-relic', 'new.relic'],
    value: '[A-Za-z0-9]{64}',
    entropy: 3,
    fake: () => randomKey(ALNUM, 64),
    exampleName: 'NEW_RELIC_ACCOUNT_KEY',
  }),
  tokenRule({
    id: 'new-relic-user-api-key',
    provider: 'New Relic',
    description: 'A New Relic user API key: queries and configures everything its user can reach.',
    keywords: ['nrak-'],
    body: 'NRAK-[A-Za-z0-9]{27}',
    entropy: 3,
    fake: () => `NRAK-${randomKey(UPPER_ALNUM, 27)}`,
    nonMatches: () => [`NRAK-${randomKey(UPPER_ALNUM, 12)}`],
  }),
]
