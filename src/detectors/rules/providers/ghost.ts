import {HEX} from '../../../lib/random.js'
import type {Rule} from '../../types.js'
import {keyedRule, randomKey} from '../build.js'

/** Ghost: its keys, from the provider's published format. */
export const GHOST_RULES: readonly Rule[] = [
  keyedRule({
    id: 'ghost-admin-api-key',
    provider: 'Ghost',
    description: 'A Ghost Admin API key (id:secret): publishes and deletes the site\'s posts and reads its members.',
    words: 'ghost',
    keywords: ['ghost_', 'ghost-', 'ghost.', 'ghostapi', 'ghostkey', 'ghosttoken', 'ghostsecret', 'ghostauth', 'ghostaccess', 'ghostclient', 'ghostprivate', 'ghostapp', 'ghostwrite', 'ghostrest', 'ghostrecord', 'ghostsdk', 'ghostpat', 'ghostpassword'],
    value: '[a-f0-9]{24}:[a-f0-9]{64}',
    entropy: 3,
    severity: 'critical',
    fake: () => `${randomKey(HEX, 24)}:${randomKey(HEX, 64)}`,
    exampleName: 'GHOST_ADMIN_API_KEY',
    nearMisses: () => [`GHOST_ADMIN_API_KEY=${randomKey(HEX, 24)}`],
  }),
  keyedRule({
    id: 'ghost-content-api-key',
    provider: 'Ghost',
    description: 'A Ghost Content API key: reads the site\'s published content; public by design but says which site.',
    words: 'ghost',
    keywords: ['ghost_', 'ghost-', 'ghost.', 'ghostapi', 'ghostkey', 'ghosttoken', 'ghostsecret', 'ghostauth', 'ghostaccess', 'ghostclient', 'ghostprivate', 'ghostapp', 'ghostwrite', 'ghostrest', 'ghostrecord', 'ghostsdk', 'ghostpat', 'ghostpassword'],
    value: '[a-f0-9]{26}',
    entropy: 3,
    severity: 'low',
    fake: () => randomKey(HEX, 26),
    exampleName: 'GHOST_CONTENT_API_KEY',
  }),
]
