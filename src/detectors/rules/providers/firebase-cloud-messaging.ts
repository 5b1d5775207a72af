import {BASE64URL} from '../../../lib/random.js'
import type {Rule} from '../../types.js'
import {randomKey, tokenRule} from '../build.js'

/** Firebase Cloud Messaging: its key, from the provider's published format. */
export const FIREBASE_CLOUD_MESSAGING_RULES: readonly Rule[] = [
  tokenRule({
    id: 'firebase-cloud-messaging-server-key',
    provider: 'Firebase Cloud Messaging',
    description: 'A Firebase Cloud Messaging legacy server key (AAAA…:APA91b…): sends push notifications to every user of the app.',
    keywords: [':apa91b'],
    body: 'AAAA[A-Za-z0-9_-]{7}:APA91b[A-Za-z0-9_-]{134}',
    entropy: 3,
    severity: 'high',
    fake: () => `AAAA${randomKey(BASE64URL, 7)}:APA91b${randomKey(BASE64URL, 134)}`,
    nonMatches: () => [`AAAA${randomKey(BASE64URL, 7)}:APA91b${randomKey(BASE64URL, 40)}`],
  }),
]
