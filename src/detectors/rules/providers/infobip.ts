import {HEX} from '../../../lib/random.js'
import type {Rule} from '../../types.js'
import {keyedRule, randomKey, randomUuid} from '../build.js'

/** Infobip: its key, from the provider's published format. */
export const INFOBIP_RULES: readonly Rule[] = [
  keyedRule({
    id: 'infobip-api-key',
    provider: 'Infobip',
    description: 'An Infobip API key: sends SMS, WhatsApp and e-mail billed to the account.',
    words: 'infobip',
    value: '[a-f0-9]{32}-[a-f0-9]{8}-[a-f0-9]{4}-[a-f0-9]{4}-[a-f0-9]{4}-[a-f0-9]{12}',
    entropy: 3,
    fake: () => `${randomKey(HEX, 32)}-${randomUuid()}`,
    exampleName: 'INFOBIP_API_KEY',
    nearMisses: () => [`INFOBIP_API_KEY=${randomUuid()}`],
  }),
]
