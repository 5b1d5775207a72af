import {HEX} from '../../../lib/random.js'
import type {Rule} from '../../types.js'
import {keyedRule, randomKey} from '../build.js'

/** Sendcloud: its key, from the provider's published format. */
export const SENDCLOUD_RULES: readonly Rule[] = [
  keyedRule({
    id: 'sendcloud-secret-key',
    provider: 'Sendcloud',
    description: 'A Sendcloud API secret key: buys shipping labels and reads the store\'s parcels.',
    words: 'sendcloud|send[_.-]cloud',
    keywords: ['sendcloud', 'send_cloud', 'send-cloud', 'send.cloud'],
    value: '[a-f0-9]{32}',
    entropy: 3,
    fake: () => randomKey(HEX, 32),
    secretNameOnly: true,
    exampleName: 'SENDCLOUD_SECRET_KEY',
  }),
]
