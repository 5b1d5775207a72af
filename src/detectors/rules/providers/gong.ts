import {BASE64URL} from '../../../lib/random.js'
import type {Rule} from '../../types.js'
import {keyedRule, randomKey} from '../build.js'

/** Gong: its key, from the provider's published format. */
export const GONG_RULES: readonly Rule[] = [
  keyedRule({
    id: 'gong-access-key-secret',
    provider: 'Gong',
    description: 'A Gong API access key secret: reads the company\'s recorded calls and transcripts.',
    words: 'gong',
    value: 'eyJ[A-Za-z0-9_-]{10,}\\.eyJ[A-Za-z0-9_-]{20,}\\.[A-Za-z0-9_-]{20,}',
    entropy: 3.5,
    fake: () => `eyJ${randomKey(BASE64URL, 30)}.eyJ${randomKey(BASE64URL, 120)}.${randomKey(BASE64URL, 43)}`,
    secretNameOnly: true,
    exampleName: 'GONG_ACCESS_KEY_SECRET',
  }),
]
