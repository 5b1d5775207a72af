import {ALNUM, BASE64, HEX} from '../../../lib/random.js'
import type {Rule} from '../../types.js'
import {keyedRule, randomKey, tokenRule} from '../build.js'

/** Sentry: its keys, from the provider's published format. */
export const SENTRY_RULES: readonly Rule[] = [
  keyedRule({
    id: 'sentry-access-token',
    provider: 'Sentry',
    description: 'A Sentry auth token (hex form): reads events and changes projects in the organisation.',
    words: 'sentry',
    value: '[a-fA-F0-9]{64}',
    entropy: 3,
    fake: () => randomKey(HEX, 64),
    exampleName: 'SENTRY_AUTH_TOKEN',
  }),
  tokenRule({
    id: 'sentry-org-token',
    provider: 'Sentry',
    description: 'A Sentry organisation auth token: uploads releases and source maps for the organisation.',
    keywords: ['sntrys_'],
    body: 'sntrys_eyJpYXQiO[A-Za-z0-9+/]{10,}={0,2}_[A-Za-z0-9+/]{43}',
    entropy: 3.5,
    fake: () => `sntrys_eyJpYXQiO${randomKey(BASE64, 120)}_${randomKey(BASE64, 43)}`,
    nonMatches: () => [`sntrys_${randomKey(ALNUM, 120)}`],
  }),
  tokenRule({
    id: 'sentry-user-token',
    provider: 'Sentry',
    description: 'A Sentry user auth token: acts on every organisation its user belongs to.',
    keywords: ['sntryu_'],
    body: 'sntryu_[a-f0-9]{64}',
    entropy: 3,
    fake: () => `sntryu_${randomKey(HEX, 64)}`,
    nonMatches: () => [`sntryu_${randomKey(HEX, 63)}`, `sntryu_${randomKey(HEX, 65)}`],
  }),
]
