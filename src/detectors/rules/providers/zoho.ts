import {HEX} from '../../../lib/random.js'
import type {Rule} from '../../types.js'
import {keyedRule, randomKey, tokenRule} from '../build.js'

/** Zoho: its keys, from the provider's published format. */
export const ZOHO_RULES: readonly Rule[] = [
  tokenRule({
    id: 'zoho-oauth-token',
    provider: 'Zoho',
    description: 'A Zoho OAuth refresh or access token (1000.…): acts on the org\'s CRM, Desk or Books data by its scopes.',
    keywords: ['1000.'],
    body: '1000\\.[a-f0-9]{32}\\.[a-f0-9]{32}',
    before: 'A-Za-z0-9.',
    after: 'A-Za-z0-9',
    entropy: 3,
    severity: 'critical',
    fake: () => `1000.${randomKey(HEX, 32)}.${randomKey(HEX, 32)}`,
    nonMatches: () => [`1000.${randomKey(HEX, 32)}`],
  }),
  keyedRule({
    id: 'zoho-client-secret',
    provider: 'Zoho',
    description: 'A Zoho API client secret: with its client id it obtains tokens for the org\'s data.',
    words: 'zoho',
    value: '[a-f0-9]{42}',
    entropy: 3,
    severity: 'critical',
    fake: () => randomKey(HEX, 42),
    secretNameOnly: true,
    exampleName: 'ZOHO_CLIENT_SECRET',
  }),
]
