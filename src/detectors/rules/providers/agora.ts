import {HEX} from '../../../lib/random.js'
import type {Rule} from '../../types.js'
import {keyedRule, randomKey} from '../build.js'

/** Agora: its key, from the provider's published format. */
export const AGORA_RULES: readonly Rule[] = [
  keyedRule({
    id: 'agora-app-certificate',
    provider: 'Agora',
    description: 'An Agora app certificate: mints tokens that join the app\'s voice and video channels.',
    words: 'agora',
    value: '[a-f0-9]{32}',
    entropy: 3,
    fake: () => randomKey(HEX, 32),
    exampleName: 'AGORA_APP_CERTIFICATE',
  }),
]
