import {ALNUM} from '../../../lib/random.js'
import type {Rule} from '../../types.js'
import {keyedRule, randomKey} from '../build.js'

/** Ecwid: its key, from the provider's published format. */
export const ECWID_RULES: readonly Rule[] = [
  keyedRule({
    id: 'ecwid-secret-token',
    provider: 'Ecwid',
    description: 'An Ecwid (Lightspeed E-Series) secret token: reads and changes the store\'s orders and customers.',
    words: 'ecwid',
    value: 'secret_[A-Za-z0-9]{32}',
    entropy: 3,
    fake: () => `secret_${randomKey(ALNUM, 32)}`,
    exampleName: 'ECWID_SECRET_TOKEN',
    nearMisses: () => [`ECWID_SECRET_TOKEN=public_${randomKey(ALNUM, 32)}`],
  }),
]
