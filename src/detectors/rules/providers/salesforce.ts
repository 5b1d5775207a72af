import {ALNUM, HEX} from '../../../lib/random.js'
import type {Rule} from '../../types.js'
import {keyedRule, randomKey, tokenRule} from '../build.js'

/** Salesforce: its keys, from the provider's published format. */
export const SALESFORCE_RULES: readonly Rule[] = [
  tokenRule({
    id: 'salesforce-access-token',
    provider: 'Salesforce',
    description: 'A Salesforce session or access token (00D…!): reads and changes the org\'s records as its user.',
    keywords: ['00D'],
    body: '00D[A-Za-z0-9]{12,15}![A-Za-z0-9_.]{80,}',
    before: 'A-Za-z0-9',
    after: 'A-Za-z0-9_.',
    entropy: 3,
    severity: 'critical',
    fake: () => `00D${randomKey(ALNUM, 15)}!${randomKey(ALNUM, 96)}`,
    nonMatches: () => [`00D${randomKey(ALNUM, 15)}`, `00D${randomKey(ALNUM, 15)}!${randomKey(ALNUM, 20)}`],
  }),
  keyedRule({
    id: 'salesforce-consumer-secret',
    provider: 'Salesforce',
    description: 'A Salesforce connected-app consumer secret: obtains tokens for the org as the app.',
    words: 'salesforce|sfdc|sf',
    keywords: ['salesforce', 'sfdc', 'sf_', 'sf-', 'sf.', 'sfapi', 'sfkey', 'sftoken', 'sfsecret', 'sfauth', 'sfaccess', 'sfclient', 'sfprivate', 'sfapp', 'sfwrite', 'sfrest', 'sfrecord', 'sfsdk', 'sfpat', 'sfpassword'],
    value: '[A-F0-9]{64}',
    entropy: 3,
    severity: 'critical',
    fake: () => randomKey(HEX, 64).toUpperCase(),
    secretNameOnly: true,
    exampleName: 'SALESFORCE_CONSUMER_SECRET',
  }),
]
