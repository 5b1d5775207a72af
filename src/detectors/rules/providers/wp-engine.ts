import {ALNUM} from '../../../lib/random.js'
import type {Rule} from '../../types.js'
import {keyedRule, randomKey} from '../build.js'

/** WP Engine: its key, from the provider's published format. */
export const WP_ENGINE_RULES: readonly Rule[] = [
  keyedRule({
    id: 'wp-engine-api-password',
    provider: 'WP Engine',
    description: 'A WP Engine API password: manages the account\'s WordPress installs, backups and users.',
    words: 'wpengine|wp[_.-]engine',
    keywords: ['wpengine', 'wp_engine', 'wp-engine', 'wp.engine'],
    value: '[A-Za-z0-9]{32}',
    entropy: 3,
    fake: () => randomKey(ALNUM, 32),
    secretNameOnly: true,
    exampleName: 'WPENGINE_API_PASSWORD',
  }),
]
