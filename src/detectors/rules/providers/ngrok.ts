import {ALNUM} from '../../../lib/random.js'
import type {Rule} from '../../types.js'
import {keyedRule, randomKey} from '../build.js'

/** ngrok: its key, from the provider's published format. */
export const NGROK_RULES: readonly Rule[] = [
  keyedRule({
    id: 'ngrok-authtoken',
    provider: 'ngrok',
    description: 'An ngrok authtoken or API key: opens tunnels into private networks as the account.',
    words: 'ngrok',
    value: '[A-Za-z0-9]{27}_[A-Za-z0-9]{20,22}',
    entropy: 3,
    fake: () => `${randomKey(ALNUM, 27)}_${randomKey(ALNUM, 21)}`,
    exampleName: 'NGROK_AUTHTOKEN',
    nearMisses: () => [`NGROK_AUTHTOKEN=${randomKey(ALNUM, 27)}`],
  }),
]
