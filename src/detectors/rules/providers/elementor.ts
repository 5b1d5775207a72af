import {HEX} from '../../../lib/random.js'
import type {Rule} from '../../types.js'
import {keyedRule, randomKey} from '../build.js'

/** Elementor: its key, from the provider's published format. */
export const ELEMENTOR_RULES: readonly Rule[] = [
  keyedRule({
    id: 'elementor-license-key',
    provider: 'Elementor',
    description: 'An Elementor Pro licence key: activates the paid plugin on any site.',
    words: 'elementor',
    value: '[a-f0-9]{32}',
    entropy: 3,
    severity: 'low',
    fake: () => randomKey(HEX, 32),
    exampleName: 'ELEMENTOR_PRO_LICENSE_KEY',
  }),
]
