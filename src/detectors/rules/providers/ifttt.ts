import {BASE64URL} from '../../../lib/random.js'
import type {Rule} from '../../types.js'
import {keyedRule, randomKey, tokenRule} from '../build.js'

/** IFTTT: its keys, from the provider's published format. */
export const IFTTT_RULES: readonly Rule[] = [
  keyedRule({
    id: 'ifttt-webhooks-key',
    provider: 'IFTTT',
    description: 'An IFTTT Webhooks key: triggers every applet that listens on the user\'s webhooks.',
    words: 'ifttt',
    value: '[A-Za-z0-9_-]{22}',
    entropy: 3,
    severity: 'medium',
    fake: () => randomKey(BASE64URL, 22),
    exampleName: 'IFTTT_WEBHOOKS_KEY',
  }),
  tokenRule({
    id: 'ifttt-webhook-url',
    provider: 'IFTTT',
    description: 'An IFTTT Webhooks trigger URL with its key: anyone holding it can trigger the user\'s applets.',
    keywords: ['maker.ifttt.com'],
    body: 'https://maker\\.ifttt\\.com/trigger/[A-Za-z0-9_-]+/(?:json/)?with/key/(?<secret>[A-Za-z0-9_-]{22})',
    before: '',
    after: 'A-Za-z0-9_-',
    entropy: 3,
    severity: 'medium',
    fake: () => randomKey(BASE64URL, 22),
    wrap: [(key) => `curl -X POST https://maker.ifttt.com/trigger/door_open/with/key/${key}`],
    nonMatches: () => ['curl https://maker.ifttt.com/trigger/door_open/with/key/{your_key}'],
  }),
]
