import {BASE64} from '../../../lib/random.js'
import type {Rule} from '../../types.js'
import {randomKey, tokenRule} from '../build.js'

/** UploadThing: its key, from the provider's published format. */
export const UPLOADTHING_RULES: readonly Rule[] = [
  tokenRule({
    id: 'uploadthing-token',
    provider: 'UploadThing',
    description: 'An UploadThing token (base64 JSON with its sk_ key): uploads and deletes the app\'s files.',
    keywords: ['eyJhcGlLZXkiOiJza1'],
    body: 'eyJhcGlLZXkiOiJza1[A-Za-z0-9+/]{60,}={0,2}',
    entropy: 3.5,
    fake: () => `eyJhcGlLZXkiOiJza1${randomKey(BASE64, 120)}`,
    nonMatches: () => [`eyJhcGlLZXkiOiJza1${randomKey(BASE64, 20)}`],
  }),
]
