import {HEX} from '../../../lib/random.js'
import type {Rule} from '../../types.js'
import {keyedRule, randomKey} from '../build.js'

/** SendPulse: its key, from the provider's published format. */
export const SENDPULSE_RULES: readonly Rule[] = [
  keyedRule({
    id: 'sendpulse-client-secret',
    provider: 'SendPulse',
    description: 'A SendPulse API secret: obtains tokens that send the account\'s e-mail, SMS and push campaigns.',
    words: 'send[_.-]?pulse',
    keywords: ['sendpulse', 'send_pulse', 'send-pulse', 'send.pulse'],
    value: '[a-f0-9]{32}',
    entropy: 3,
    fake: () => randomKey(HEX, 32),
    secretNameOnly: true,
    exampleName: 'SENDPULSE_API_SECRET',
  }),
]
