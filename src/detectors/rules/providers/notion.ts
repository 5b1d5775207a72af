import type {ProviderService, Rule} from '../../types.js'
import {ALNUM, DIGITS, randomFraction, randomString} from '../../../lib/random.js'
import {prefixRule} from '../build.js'

export const NOTION_RULES: readonly Rule[] = [
  prefixRule({
    id: 'notion-api-key',
    provider: 'Notion',
    description: 'A Notion integration token (`ntn_`, formerly `secret_`): reads and edits every page shared with the integration.',
    keywords: ['ntn_', 'secret_'],
    body: '(?:ntn_\\d{11}[A-Za-z0-9]{35}|secret_[A-Za-z0-9]{43})',
    entropy: 3.5,
    severity: 'high',
    envName: 'NOTION_API_KEY',
    fake: () => (randomFraction() < 0.5 ? `ntn_${randomString(DIGITS, 11)}${randomString(ALNUM, 35)}` : `secret_${randomString(ALNUM, 43)}`),
    nonMatches: () => [
      'NOTION_API_KEY=ntn_12345678901',
      `NOTION_API_KEY=ntn_${randomString(DIGITS, 60)}`,
      `NOTION_API_KEY=secret_${randomString(ALNUM, 20)}`,
      `CLIENT_SECRET_${randomString(ALNUM, 43)}=1`,
    ],
  }),
]

/** The broker's built-in service for Notion keys: its public API and the way its SDKs send the key. */
export const NOTION_SERVICE: ProviderService = {
  preset: {name: 'notion', upstream: 'https://api.notion.com', auth: {kind: 'header', header: 'authorization', template: 'Bearer {secret}'}, baseUrlEnv: ['NOTION_BASE_URL'], baseUrlSuffix: '', hosts: ['api.notion.com']},
}
