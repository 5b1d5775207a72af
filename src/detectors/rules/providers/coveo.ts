import {HEX} from '../../../lib/random.js'
import type {Rule} from '../../types.js'
import {randomKey, randomUuid, tokenRule} from '../build.js'

/** Coveo: its key, from the provider's published format. */
export const COVEO_RULES: readonly Rule[] = [
  tokenRule({
    id: 'coveo-api-key',
    provider: 'Coveo',
    description: 'A Coveo API key (xx…): searches or, by its privileges, changes the organisation\'s indexes.',
    keywords: ['xx'],
    body: 'xx[a-f0-9]{8}-[a-f0-9]{4}-[a-f0-9]{4}-[a-f0-9]{4}-[a-f0-9]{12}',
    before: 'A-Za-z0-9',
    entropy: 3,
    fake: () => `xx${randomUuid()}`,
    nonMatches: () => [`xx${randomKey(HEX, 32)}`, `x${randomUuid()}`],
  }),
]
