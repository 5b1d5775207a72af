import {HEX} from '../../../lib/random.js'
import type {Rule} from '../../types.js'
import {keyedRule, randomKey} from '../build.js'

/** Linode: its key, from the provider's published format. */
export const LINODE_RULES: readonly Rule[] = [
  keyedRule({
    id: 'linode-api-token',
    provider: 'Linode',
    description: 'A Linode (Akamai Cloud) personal access token: creates, changes and deletes the account\'s servers.',
    words: 'linode',
    value: '[a-f0-9]{64}',
    entropy: 3,
    severity: 'critical',
    fake: () => randomKey(HEX, 64),
    exampleName: 'LINODE_TOKEN',
  }),
]
