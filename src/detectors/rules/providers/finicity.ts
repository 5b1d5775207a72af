import {ALNUM, HEX} from '../../../lib/random.js'
import type {Rule} from '../../types.js'
import {keyedRule, randomKey} from '../build.js'

/** Finicity: its keys, from the provider's published format. */
export const FINICITY_RULES: readonly Rule[] = [
  keyedRule({
    id: 'finicity-api-token',
    provider: 'Finicity',
    description: 'A Finicity (Mastercard Open Banking) app key: calls the API for the partner.',
    words: 'finicity',
    value: '[a-fA-F0-9]{32}',
    entropy: 3,
    fake: () => randomKey(HEX, 32),
    exampleName: 'FINICITY_APP_KEY',
  }),
  keyedRule({
    id: 'finicity-client-secret',
    provider: 'Finicity',
    description: 'A Finicity partner secret: obtains tokens for the customers\' financial data.',
    words: 'finicity',
    value: '[A-Za-z0-9]{20}',
    entropy: 3,
    severity: 'critical',
    fake: () => randomKey(ALNUM, 20),
    exampleName: 'FINICITY_PARTNER_SECRET',
  }),
]
