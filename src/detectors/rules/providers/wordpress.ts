import {ALNUM} from '../../../lib/random.js'
import type {Rule} from '../../types.js'
import {keyedRule, randomKey} from '../build.js'

/** WordPress: its key, from the provider's published format. */
export const WORDPRESS_RULES: readonly Rule[] = [
  keyedRule({
    id: 'wordpress-application-password',
    provider: 'WordPress',
    description: 'A WordPress application password: calls the site\'s REST API as its user, often an administrator.',
    words: 'wordpress|wp(?:[_.-]?app)?',
    keywords: ['wordpress', 'wp_', 'wp-', 'wp.', 'wpapi', 'wpkey', 'wptoken', 'wpsecret', 'wpauth', 'wpaccess', 'wpclient', 'wpprivate', 'wpapp', 'wpwrite', 'wprest', 'wprecord', 'wpsdk', 'wppat', 'wppassword'],
    value: '[A-Za-z0-9]{4}(?: ?[A-Za-z0-9]{4}){5}',
    entropy: 3,
    fake: () => randomKey(ALNUM, 24),
    secretNameOnly: true,
    exampleName: 'WP_APPLICATION_PASSWORD',
    nearMisses: () => ['WP_APPLICATION_PASSWORD=xxxx xxxx xxxx xxxx xxxx xxxx'],
  }),
]
