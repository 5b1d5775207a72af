import {BASE64URL} from '../../../lib/random.js'
import type {Rule} from '../../types.js'
import {randomKey, tokenRule} from '../build.js'

/** Frame.io: its key, from the provider's published format. */
export const FRAME_IO_RULES: readonly Rule[] = [
  tokenRule({
    id: 'frameio-api-token',
    provider: 'Frame.io',
    description: 'A Frame.io developer token: reads and changes the account\'s projects and media.',
    keywords: ['fio-u-'],
    body: 'fio-u-[A-Za-z0-9=_-]{64}',
    entropy: 3.5,
    fake: () => `fio-u-${randomKey(BASE64URL, 64)}`,
    nonMatches: () => [`fio-u-${randomKey(BASE64URL, 30)}`],
  }),
]
