import {HEX} from '../../../lib/random.js'
import type {Rule} from '../../types.js'
import {keyedRule, randomKey} from '../build.js'

/** Customer.io: its key, from the provider's published format. */
export const CUSTOMER_IO_RULES: readonly Rule[] = [
  keyedRule({
    id: 'customer-io-api-key',
    provider: 'Customer.io',
    description: 'A Customer.io tracking or app API key: changes people and sends messages for the workspace.',
    words: 'customer[_.-]?io|cio',
    keywords: ['customerio', 'customer_io', 'customer-io', 'customer.io', 'cio_', 'cio-', 'cio.', 'cioapi', 'ciokey', 'ciotoken', 'ciosecret', 'cioauth', 'cioaccess', 'cioclient', 'cioprivate', 'cioapp', 'ciowrite', 'ciorest', 'ciorecord', 'ciosdk', 'ciopat', 'ciopassword'],
    value: '[a-f0-9]{20}|[a-f0-9]{32}',
    entropy: 3,
    fake: () => randomKey(HEX, 32),
    secretNameOnly: true,
    exampleName: 'CUSTOMERIO_API_KEY',
  }),
]
