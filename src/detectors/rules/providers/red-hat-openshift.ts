import {BASE64URL} from '../../../lib/random.js'
import type {Rule} from '../../types.js'
import {randomKey, tokenRule} from '../build.js'

/** Red Hat OpenShift: its key, from the provider's published format. */
export const RED_HAT_OPENSHIFT_RULES: readonly Rule[] = [
  tokenRule({
    id: 'openshift-user-token',
    provider: 'Red Hat OpenShift',
    description: 'An OpenShift user OAuth token: acts on the cluster as the user.',
    keywords: ['sha256~'],
    body: 'sha256~[A-Za-z0-9_-]{43}',
    before: 'A-Za-z0-9_-',
    after: 'A-Za-z0-9_-',
    entropy: 3.5,
    severity: 'critical',
    fake: () => `sha256~${randomKey(BASE64URL, 43)}`,
    nonMatches: () => [`sha256~${randomKey(BASE64URL, 20)}`],
  }),
]
