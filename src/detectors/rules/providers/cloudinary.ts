import {BASE64URL, DIGITS} from '../../../lib/random.js'
import type {Rule} from '../../types.js'
import {keyedRule, randomKey, tokenRule} from '../build.js'

/** Cloudinary: its keys, from the provider's published format. */
export const CLOUDINARY_RULES: readonly Rule[] = [
  tokenRule({
    id: 'cloudinary-url',
    provider: 'Cloudinary',
    description: 'A Cloudinary URL with API key and secret: uploads, changes and deletes the account\'s media.',
    keywords: ['cloudinary://'],
    body: 'cloudinary://[0-9]{15}:(?<secret>[A-Za-z0-9_-]{27})@[a-z0-9_-]+',
    before: '',
    after: '',
    entropy: 3,
    fake: () => randomKey(BASE64URL, 27),
    wrap: [(secret) => `CLOUDINARY_URL=cloudinary://${randomKey(DIGITS, 15)}:${secret}@demo-cloud`],
    nonMatches: () => ['CLOUDINARY_URL=cloudinary://<api_key>:<api_secret>@demo-cloud'],
  }),
  keyedRule({
    id: 'cloudinary-api-secret',
    provider: 'Cloudinary',
    description: 'A Cloudinary API secret: with its key it uploads, changes and deletes the account\'s media.',
    words: 'cloudinary',
    value: '[A-Za-z0-9_-]{27}',
    entropy: 3,
    fake: () => randomKey(BASE64URL, 27),
    secretNameOnly: true,
    exampleName: 'CLOUDINARY_API_SECRET',
  }),
]
