import {HEX} from '../../../lib/random.js'
import type {Rule} from '../../types.js'
import {keyedRule, randomKey} from '../build.js'

/** TikTok: its key, from the provider's published format. */
export const TIKTOK_RULES: readonly Rule[] = [
  keyedRule({
    id: 'tiktok-access-token',
    provider: 'TikTok',
    description: 'A TikTok for Business or developer access token: reads and changes the account\'s ads or videos.',
    words: 'tik[_.-]?tok',
    keywords: ['tiktok', 'tik_tok', 'tik-tok', 'tik.tok'],
    value: '(?:act\\.)?[A-Za-z0-9!*._-]{40,}',
    entropy: 3.5,
    fake: () => randomKey(HEX, 40),
    secretNameOnly: true,
    exampleName: 'TIKTOK_ACCESS_TOKEN',
  }),
]
