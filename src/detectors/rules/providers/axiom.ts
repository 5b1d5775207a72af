import {HEX} from '../../../lib/random.js'
import type {Rule} from '../../types.js'
import {randomKey, randomUuid, tokenRule} from '../build.js'

/** Axiom: its key, from the provider's published format. */
export const AXIOM_RULES: readonly Rule[] = [
  tokenRule({
    id: 'axiom-api-token',
    provider: 'Axiom',
    description: 'An Axiom API or personal token (xaat-/xapt-): ingests into and queries the organisation\'s datasets.',
    keywords: ['xaat-', 'xapt-'],
    body: 'xa[ap]t-[a-f0-9]{8}-[a-f0-9]{4}-[a-f0-9]{4}-[a-f0-9]{4}-[a-f0-9]{12}',
    entropy: 3,
    fake: () => `xaat-${randomUuid()}`,
    nonMatches: () => [`xaat-${randomKey(HEX, 32)}`],
  }),
]
