import {BASE64URL} from '../../../lib/random.js'
import type {Rule} from '../../types.js'
import {LOWER_ALNUM, keyedRule, randomKey, tokenRule} from '../build.js'

/** Dropbox: its keys, from the provider's published format. */
export const DROPBOX_RULES: readonly Rule[] = [
  keyedRule({
    id: 'dropbox-app-key',
    provider: 'Dropbox',
    description: 'A Dropbox app key or secret: with its pair it obtains tokens for the app\'s users.',
    words: 'dropbox',
    value: '[A-Za-z0-9]{15}',
    entropy: 3,
    fake: () => randomKey(LOWER_ALNUM, 15),
    exampleName: 'DROPBOX_APP_SECRET',
  }),
  tokenRule({
    id: 'dropbox-short-lived-token',
    provider: 'Dropbox',
    description: 'A Dropbox short-lived access token: reads and writes the user\'s files until it expires.',
    keywords: ['sl.'],
    body: 'sl\\.[A-Za-z0-9_-]{130,152}',
    entropy: 4,
    fake: () => `sl.${randomKey(BASE64URL, 138)}`,
    nonMatches: () => [`sl.${randomKey(BASE64URL, 40)}`],
  }),
]
