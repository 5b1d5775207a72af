import {BASE64URL} from '../../../lib/random.js'
import type {Rule} from '../../types.js'
import {keyedRule, randomKey} from '../build.js'

/** Front: its key, from the provider's published format. */
export const FRONT_RULES: readonly Rule[] = [
  keyedRule({
    id: 'front-api-token',
    provider: 'Front',
    description: 'A Front API token: reads and sends the company\'s shared-inbox conversations.',
    words: 'front[_.-]?app|frontapp',
    keywords: ['frontapp', 'front_app', 'front-app', 'front.app'],
    value: 'eyJ[A-Za-z0-9_-]{10,}\\.eyJ[A-Za-z0-9_-]{20,}\\.[A-Za-z0-9_-]{20,}',
    entropy: 3.5,
    fake: () => `eyJ${randomKey(BASE64URL, 30)}.eyJ${randomKey(BASE64URL, 120)}.${randomKey(BASE64URL, 43)}`,
    secretNameOnly: true,
    exampleName: 'FRONTAPP_API_TOKEN',
  }),
]
