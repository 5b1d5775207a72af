import {ALNUM} from '../../../lib/random.js'
import type {Rule} from '../../types.js'
import {keyedRule, randomKey} from '../build.js'

/** BrowserStack: its key, from the provider's published format. */
export const BROWSERSTACK_RULES: readonly Rule[] = [
  keyedRule({
    id: 'browserstack-access-key',
    provider: 'BrowserStack',
    description: 'A BrowserStack access key: runs tests billed to the account and reads its sessions.',
    words: 'browserstack|browser[_.-]stack',
    keywords: ['browserstack', 'browser_stack', 'browser-stack', 'browser.stack'],
    value: '[A-Za-z0-9]{20}',
    entropy: 3,
    fake: () => randomKey(ALNUM, 20),
    secretNameOnly: true,
    exampleName: 'BROWSERSTACK_ACCESS_KEY',
  }),
]
