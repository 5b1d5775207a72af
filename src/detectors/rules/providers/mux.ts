import {BASE64} from '../../../lib/random.js'
import type {Rule} from '../../types.js'
import {keyedRule, randomKey} from '../build.js'

/** Mux: its key, from the provider's published format. */
export const MUX_RULES: readonly Rule[] = [
  keyedRule({
    id: 'mux-token-secret',
    provider: 'Mux',
    description: 'A Mux access token secret: with its token id it uploads, streams and deletes the environment\'s videos.',
    words: 'mux',
    keywords: ['mux_', 'mux-', 'mux.', 'muxapi', 'muxkey', 'muxtoken', 'muxsecret', 'muxauth', 'muxaccess', 'muxclient', 'muxprivate', 'muxapp', 'muxwrite', 'muxrest', 'muxrecord', 'muxsdk', 'muxpat', 'muxpassword'],
    value: '[A-Za-z0-9+/]{75}',
    entropy: 3.5,
    fake: () => randomKey(BASE64, 75),
    secretNameOnly: true,
    exampleName: 'MUX_TOKEN_SECRET',
  }),
]
