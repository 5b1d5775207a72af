import {ALNUM} from '../../../lib/random.js'
import type {Rule} from '../../types.js'
import {keyedRule, randomKey} from '../build.js'

/** Polygon.io: its key, from the provider's published format. */
export const POLYGON_IO_RULES: readonly Rule[] = [
  keyedRule({
    id: 'polygon-io-api-key',
    provider: 'Polygon.io',
    description: 'A Polygon.io (Massive) API key: calls market data on the account\'s paid plan.',
    words: 'polygon(?:[_.-]?io)?',
    keywords: ['polygon_', 'polygon-', 'polygon.', 'polygonapi', 'polygonkey', 'polygontoken', 'polygonsecret', 'polygonauth', 'polygonaccess', 'polygonclient', 'polygonprivate', 'polygonapp', 'polygonwrite', 'polygonrest', 'polygonrecord', 'polygonsdk', 'polygonpat', 'polygonpassword'],
    value: '[A-Za-z0-9_]{32}',
    entropy: 3,
    severity: 'medium',
    fake: () => randomKey(ALNUM, 32),
    secretNameOnly: true,
    exampleName: 'POLYGON_API_KEY',
  }),
]
