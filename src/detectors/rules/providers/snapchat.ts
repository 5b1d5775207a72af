import {BASE64URL} from '../../../lib/random.js'
import type {Rule} from '../../types.js'
import {keyedRule, randomKey} from '../build.js'

/** Snapchat: its key, from the provider's published format. */
export const SNAPCHAT_RULES: readonly Rule[] = [
  keyedRule({
    id: 'snapchat-client-secret',
    provider: 'Snapchat',
    description: 'A Snapchat Marketing API client secret: obtains tokens for the ad accounts.',
    words: 'snapchat|snap[_.-]ads',
    keywords: ['snapchat', 'snap_ads', 'snap-ads', 'snap.ads'],
    value: '[A-Za-z0-9_-]{20,}',
    entropy: 3.5,
    fake: () => randomKey(BASE64URL, 32),
    secretNameOnly: true,
    exampleName: 'SNAPCHAT_CLIENT_SECRET',
  }),
]
