import {ALNUM} from '../../../lib/random.js'
import type {Rule} from '../../types.js'
import {randomKey, tokenRule} from '../build.js'

/** Keap: its key, from the provider's published format. */
export const KEAP_RULES: readonly Rule[] = [
  tokenRule({
    id: 'keap-access-token',
    provider: 'Keap',
    description: 'A Keap (Infusionsoft) personal access token or service key (KeapAK-): reads and changes contacts and orders.',
    keywords: ['KeapAK-'],
    body: 'KeapAK-[A-Za-z0-9]{40,60}',
    entropy: 3,
    severity: 'critical',
    fake: () => `KeapAK-${randomKey(ALNUM, 48)}`,
    nonMatches: () => [`KeapAK-${randomKey(ALNUM, 20)}`],
  }),
]
