import {HEX} from '../../../lib/random.js'
import type {Rule} from '../../types.js'
import {randomKey, tokenRule} from '../build.js'

/** 42 Intra: its key, from the provider's published format. */
export const INTRA42_RULES: readonly Rule[] = [
  tokenRule({
    id: 'intra42-client-secret',
    provider: '42 Intra',
    description: 'A 42 Intra OAuth client secret: obtains tokens as the app.',
    keywords: ['s-s4t2'],
    body: 's-s4t2(?:ud|af)-[a-f0-9]{64}',
    entropy: 3,
    severity: 'medium',
    fake: () => `s-s4t2ud-${randomKey(HEX, 64)}`,
    nonMatches: () => [`s-s4t2ud-${randomKey(HEX, 30)}`],
  }),
]
