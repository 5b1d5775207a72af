import {BASE64URL} from '../../../lib/random.js'
import type {Rule} from '../../types.js'
import {randomKey, tokenRule} from '../build.js'

/** Tinybird: its key, from the provider's published format. */
export const TINYBIRD_RULES: readonly Rule[] = [
  tokenRule({
    id: 'tinybird-token',
    provider: 'Tinybird',
    description: 'A Tinybird token (p.eyJ…): reads or appends to the workspace\'s data sources and pipes.',
    keywords: ['p.eyj'],
    body: 'p\\.eyJ[A-Za-z0-9_-]{20,}\\.[A-Za-z0-9_-]{20,}',
    entropy: 3,
    fake: () => `p.eyJ${randomKey(BASE64URL, 80)}.${randomKey(BASE64URL, 43)}`,
    nonMatches: () => [`p.eyJ${randomKey(BASE64URL, 10)}`],
  }),
]
