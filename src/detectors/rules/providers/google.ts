import type {ProviderService, Rule} from '../../types.js'
import {BASE64URL, randomString} from '../../../lib/random.js'
import {prefixRule} from '../build.js'

const googleKey = (): string => `AIza${randomString(BASE64URL, 35)}`

export const GOOGLE_RULES: readonly Rule[] = [
  prefixRule({
    id: 'google-api-key',
    provider: 'Google',
    description:
      'A Google Cloud / Gemini API key (`AIza…`): unrestricted keys call Gemini, Maps and other enabled APIs on the project’s bill.',
    keywords: ['aiza'],
    body: 'AIza[A-Za-z0-9_-]{35}',
    entropy: 3.5,
    severity: 'high',
    envName: 'GEMINI_API_KEY',
    // A Firebase web config ships its key to every browser (restricted by the project's rules, not by secrecy).
    publicNear: {markers: [/\bauthDomain\b/, /\bprojectId\b/], chars: 800},
    fake: googleKey,
    nonMatches: () => [
      `GEMINI_API_KEY=AIza${randomString(BASE64URL, 30)}`,
      `GEMINI_API_KEY=AIza${randomString(BASE64URL, 40)}`,
      'GEMINI_API_KEY=AIzaSyXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXX',
      'GEMINI_API_KEY=AIza...your-key',
      `GEMINI_API_KEY=AIzb${randomString(BASE64URL, 35)}`,
    ],
  }),
]

/**
 * The broker's Gemini service. A Google key is granted for it only when its rule or name says Gemini: an `AIza…`
 * key may as well be for Maps or any other Google API.
 */
export const GOOGLE_SERVICE: ProviderService = {
  preset: {name: 'gemini', upstream: 'https://generativelanguage.googleapis.com', auth: {kind: 'header', header: 'x-goog-api-key', template: '{secret}'}, baseUrlEnv: ['GOOGLE_GEMINI_BASE_URL', 'GEMINI_BASE_URL'], baseUrlSuffix: '', hosts: ['generativelanguage.googleapis.com']},
  grants: (hint) => hint.includes('gemini'),
}
