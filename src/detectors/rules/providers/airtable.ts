import type {Rule} from '../../types.js'
import {ALNUM, HEX, randomString} from '../../../lib/random.js'
import {nameRule, prefixRule} from '../build.js'

export const AIRTABLE_RULES: readonly Rule[] = [
  nameRule({
    id: 'airtable-api-key',
    provider: 'Airtable',
    description: 'A legacy Airtable API key (`key…`, 17 characters): full access to every base of its owner.',
    keywords: ['airtable'],
    names: /(?:^|_)airtable(?:_[a-z0-9]+)*_(?:api_key|key|token)$/,
    body: 'key[A-Za-z0-9]{14}',
    entropy: 3.0,
    severity: 'high',
    envName: 'AIRTABLE_API_KEY',
    fake: () => `key${randomString(ALNUM, 14)}`,
    nonMatches: () => [`AIRTABLE_BASE_ID=app${randomString(ALNUM, 14)}`, `AIRTABLE_API_KEY=key${randomString(ALNUM, 8)}`],
  }),
  prefixRule({
    id: 'airtable-pat',
    provider: 'Airtable',
    description: 'An Airtable personal access token (`pat….`): reads and writes the bases and scopes it was granted.',
    keywords: ['pat'],
    body: 'pat[A-Za-z0-9]{14}\\.[a-f0-9]{64}',
    entropy: 3.5,
    severity: 'high',
    envName: 'AIRTABLE_TOKEN',
    fake: () => `pat${randomString(ALNUM, 14)}.${randomString(HEX, 64)}`,
    nonMatches: () => [
      `AIRTABLE_TOKEN=pat${randomString(ALNUM, 14)}.${randomString(HEX, 30)}`,
      `AIRTABLE_TOKEN=pat${randomString(ALNUM, 14)}`,
      'path.join(patternDir, file)',
    ],
  }),
]
