import {ALNUM} from '../../../lib/random.js'
import type {Rule} from '../../types.js'
import {keyedRule, randomKey} from '../build.js'

/** GitGuardian: its key, from the provider's published format. */
export const GITGUARDIAN_RULES: readonly Rule[] = [
  keyedRule({
    id: 'gitguardian-api-key',
    provider: 'GitGuardian',
    description: 'A GitGuardian API key: reads the workspace\'s incidents, secrets included.',
    words: 'gitguardian|gg',
    keywords: ['gitguardian', 'gg_', 'gg-', 'gg.', 'ggapi', 'ggkey', 'ggtoken', 'ggsecret', 'ggauth', 'ggaccess', 'ggclient', 'ggprivate', 'ggapp', 'ggwrite', 'ggrest', 'ggrecord', 'ggsdk', 'ggpat', 'ggpassword'],
    value: '[A-Za-z0-9]{69}',
    entropy: 3,
    fake: () => randomKey(ALNUM, 69),
    secretNameOnly: true,
    exampleName: 'GITGUARDIAN_API_KEY',
  }),
]
