import {ALNUM} from '../../../lib/random.js'
import type {Rule} from '../../types.js'
import {randomKey, tokenRule} from '../build.js'

/** Xendit: its key, from the provider's published format. */
export const XENDIT_RULES: readonly Rule[] = [
  tokenRule({
    id: 'xendit-secret-key',
    provider: 'Xendit',
    description: 'A Xendit secret key (xnd_production_/xnd_development_): takes payments and sends disbursements as the business.',
    keywords: ['xnd_production_', 'xnd_development_'],
    body: 'xnd_(?:production|development)_[A-Za-z0-9]{40,80}',
    entropy: 3,
    severity: 'critical',
    fake: () => `xnd_production_${randomKey(ALNUM, 64)}`,
    nonMatches: () => [`xnd_production_${randomKey(ALNUM, 20)}`],
  }),
]
