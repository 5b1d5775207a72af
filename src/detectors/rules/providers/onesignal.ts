import {ALNUM} from '../../../lib/random.js'
import type {Rule} from '../../types.js'
import {keyedRule, randomKey, tokenRule} from '../build.js'

/** OneSignal: its keys, from the provider's published format. */
export const ONESIGNAL_RULES: readonly Rule[] = [
  tokenRule({
    id: 'onesignal-api-key',
    provider: 'OneSignal',
    description: 'A OneSignal app or organisation API key (os_v2_): sends push, e-mail and SMS to the app\'s users.',
    keywords: ['os_v2_'],
    body: 'os_v2_(?:app|org)_[a-z2-7]{50,120}',
    entropy: 3,
    fake: () => `os_v2_app_${randomKey('abcdefghijklmnopqrstuvwxyz234567', 110)}`,
    nonMatches: () => [`os_v2_app_${randomKey('abcdefghijklmnopqrstuvwxyz234567', 20)}`],
  }),
  keyedRule({
    id: 'onesignal-legacy-rest-key',
    provider: 'OneSignal',
    description: 'A OneSignal REST API key in its older form: sends push notifications to the app\'s users.',
    words: 'one[_.-]?signal',
    keywords: ['onesignal', 'one_signal', 'one-signal', 'one.signal'],
    value: '[A-Za-z0-9]{48}',
    entropy: 3,
    fake: () => randomKey(ALNUM, 48),
    secretNameOnly: true,
    exampleName: 'ONESIGNAL_REST_API_KEY',
  }),
]
