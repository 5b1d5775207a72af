import {ALNUM} from '../../../lib/random.js'
import type {Rule} from '../../types.js'
import {keyedRule, randomKey} from '../build.js'

/** Dwolla: its key, from the provider's published format. */
export const DWOLLA_RULES: readonly Rule[] = [
  keyedRule({
    id: 'dwolla-secret',
    provider: 'Dwolla',
    description: 'A Dwolla application secret: with its key it moves money between the platform\'s accounts.',
    words: 'dwolla',
    value: '[A-Za-z0-9]{50}',
    entropy: 3,
    severity: 'critical',
    fake: () => randomKey(ALNUM, 50),
    secretNameOnly: true,
    exampleName: 'DWOLLA_SECRET',
  }),
]
