import {HEX} from '../../../lib/random.js'
import type {Rule} from '../../types.js'
import {randomKey, tokenRule} from '../build.js'

/** Builder.io: its key, from the provider's published format. */
export const BUILDER_IO_RULES: readonly Rule[] = [
  tokenRule({
    id: 'builder-io-private-key',
    provider: 'Builder.io',
    description: 'A Builder.io private key (bpk-): writes and publishes the space\'s content.',
    keywords: ['bpk-'],
    body: 'bpk-[a-f0-9]{32}',
    entropy: 3,
    fake: () => `bpk-${randomKey(HEX, 32)}`,
    nonMatches: () => [`bpk-${randomKey(HEX, 16)}`],
  }),
]
