import {HEX} from '../../../lib/random.js'
import type {Rule} from '../../types.js'
import {randomKey, tokenRule} from '../build.js'

/** Postman: its key, from the provider's published format. */
export const POSTMAN_RULES: readonly Rule[] = [
  tokenRule({
    id: 'postman-api-token',
    provider: 'Postman',
    description: 'A Postman API key: reads and changes the workspace\'s collections, which often hold more keys.',
    keywords: ['pmak-'],
    body: 'PMAK-[a-fA-F0-9]{24}-[a-fA-F0-9]{34}',
    entropy: 3,
    fake: () => `PMAK-${randomKey(HEX, 24)}-${randomKey(HEX, 34)}`,
    nonMatches: () => [`PMAK-${randomKey(HEX, 24)}`],
  }),
]
