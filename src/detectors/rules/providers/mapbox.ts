import {ALNUM, BASE64URL} from '../../../lib/random.js'
import type {Rule} from '../../types.js'
import {randomKey, tokenRule} from '../build.js'

/** Mapbox: its key, from the provider's published format. */
export const MAPBOX_RULES: readonly Rule[] = [
  tokenRule({
    id: 'mapbox-api-token',
    provider: 'Mapbox',
    description: 'A Mapbox access token: a secret (sk.) token manages the account; a public one spends its quota.',
    keywords: ['pk.', 'sk.', 'tk.'],
    body: '[pst]k\\.[A-Za-z0-9_-]{60,}\\.[A-Za-z0-9_-]{22}',
    entropy: 3.5,
    severity: 'medium',
    fake: () => `pk.eyJ${randomKey(BASE64URL, 70)}.${randomKey(BASE64URL, 22)}`,
    nonMatches: () => [`pk.${randomKey(ALNUM, 30)}.${randomKey(ALNUM, 22)}`],
  }),
]
