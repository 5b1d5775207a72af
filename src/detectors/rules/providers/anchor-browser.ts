import {HEX} from '../../../lib/random.js'
import type {Rule} from '../../types.js'
import {keyedRule, randomKey} from '../build.js'

/** Anchor: its key, from the provider's published format. */
export const ANCHOR_BROWSER_RULES: readonly Rule[] = [
  keyedRule({
    id: 'anchor-browser-api-key',
    provider: 'Anchor',
    description: 'An Anchor Browser API key (sk-): starts cloud browser sessions billed to the account.',
    words: 'anchor[_.-]?browser',
    keywords: ['anchor_browser', 'anchor-browser', 'anchorbrowser', 'anchor.browser'],
    value: 'sk-[a-f0-9]{32}',
    entropy: 3,
    fake: () => `sk-${randomKey(HEX, 32)}`,
    exampleName: 'ANCHOR_BROWSER_API_KEY',
  }),
]
