import type {Rule} from '../types.js'
import {BASE64URL, randomString} from '../../lib/random.js'
import {prefixRule} from './helpers.js'

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
