import {BASE64URL} from '../../../lib/random.js'
import type {Rule} from '../../types.js'
import {keyedRule, randomKey} from '../build.js'

/** Expo: its key, from the provider's published format. */
export const EXPO_RULES: readonly Rule[] = [
  keyedRule({
    id: 'expo-access-token',
    provider: 'Expo',
    description: 'An Expo access token: builds, submits and updates the account\'s apps through EAS.',
    words: 'expo',
    keywords: ['expo_', 'expo-', 'expo.', 'expoapi', 'expokey', 'expotoken', 'exposecret', 'expoauth', 'expoaccess', 'expoclient', 'expoprivate', 'expoapp', 'expowrite', 'exporest', 'exporecord', 'exposdk', 'expopat', 'expopassword'],
    value: '[A-Za-z0-9_-]{40}',
    entropy: 3.5,
    fake: () => randomKey(BASE64URL, 40),
    secretNameOnly: true,
    exampleName: 'EXPO_TOKEN',
  }),
]
