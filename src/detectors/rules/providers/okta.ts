import {BASE64URL} from '../../../lib/random.js'
import type {Rule} from '../../types.js'
import {keyedRule, randomKey} from '../build.js'

/** Okta: its key, from the provider's published format. */
export const OKTA_RULES: readonly Rule[] = [
  keyedRule({
    id: 'okta-access-token',
    provider: 'Okta',
    description: 'An Okta API token: administers the org\'s users, groups and apps as its creator.',
    words: 'okta',
    value: '00[A-Za-z0-9=_-]{40}',
    entropy: 3.5,
    severity: 'critical',
    fake: () => `00${randomKey(BASE64URL, 40)}`,
    exampleName: 'OKTA_API_TOKEN',
  }),
]
