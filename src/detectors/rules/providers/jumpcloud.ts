import {HEX} from '../../../lib/random.js'
import type {Rule} from '../../types.js'
import {keyedRule, randomKey} from '../build.js'

/** JumpCloud: its key, from the provider's published format. */
export const JUMPCLOUD_RULES: readonly Rule[] = [
  keyedRule({
    id: 'jumpcloud-api-key',
    provider: 'JumpCloud',
    description: 'A JumpCloud API key: manages the organisation\'s users, devices and SSO.',
    words: 'jump[_.-]?cloud',
    keywords: ['jumpcloud', 'jump_cloud', 'jump-cloud', 'jump.cloud'],
    value: '(?:jca_)?[a-f0-9]{40}|jca_[A-Za-z0-9]{36,40}',
    entropy: 3,
    severity: 'critical',
    fake: () => randomKey(HEX, 40),
    exampleName: 'JUMPCLOUD_API_KEY',
  }),
]
