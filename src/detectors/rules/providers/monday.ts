import {BASE64URL} from '../../../lib/random.js'
import type {Rule} from '../../types.js'
import {keyedRule, randomKey} from '../build.js'

/** monday.com: its key, from the provider's published format. */
export const MONDAY_RULES: readonly Rule[] = [
  keyedRule({
    id: 'monday-api-token',
    provider: 'monday.com',
    description: 'A monday.com API token: reads and changes every board its user can see.',
    words: 'monday',
    keywords: ['monday_', 'monday-', 'monday.', 'mondayapi', 'mondaykey', 'mondaytoken', 'mondaysecret', 'mondayauth', 'mondayaccess', 'mondayclient', 'mondayprivate', 'mondayapp', 'mondaywrite', 'mondayrest', 'mondayrecord', 'mondaysdk', 'mondaypat', 'mondaypassword'],
    value: 'eyJ[A-Za-z0-9_-]{10,}\\.eyJ[A-Za-z0-9_-]{20,}\\.[A-Za-z0-9_-]{20,}',
    entropy: 3.5,
    fake: () => `eyJ${randomKey(BASE64URL, 30)}.eyJ${randomKey(BASE64URL, 120)}.${randomKey(BASE64URL, 43)}`,
    secretNameOnly: true,
    exampleName: 'MONDAY_API_TOKEN',
  }),
]
