import {HEX} from '../../../lib/random.js'
import type {Rule} from '../../types.js'
import {keyedRule, randomKey} from '../build.js'

/** Apple App Store: its key, from the provider's published format. */
export const APPLE_APP_STORE_RULES: readonly Rule[] = [
  keyedRule({
    id: 'apple-app-store-shared-secret',
    provider: 'Apple App Store',
    description: 'An App Store app-specific shared secret: verifies the app\'s in-app purchase receipts.',
    words: 'app[_.-]?store|itunes|apple',
    keywords: ['appstore', 'app_store', 'app-store', 'app.store', 'itunes', 'apple_', 'apple-', 'apple.', 'appleapi', 'applekey', 'appletoken', 'applesecret', 'appleauth', 'appleaccess', 'appleclient', 'appleprivate', 'appleapp', 'applewrite', 'applerest', 'applerecord', 'applesdk', 'applepat', 'applepassword'],
    value: '[a-f0-9]{32}',
    entropy: 3,
    severity: 'medium',
    fake: () => randomKey(HEX, 32),
    secretNameOnly: true,
    exampleName: 'APPSTORE_SHARED_SECRET',
  }),
]
