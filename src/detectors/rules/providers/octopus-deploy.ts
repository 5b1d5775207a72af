import type {Rule} from '../../types.js'
import {UPPER_ALNUM, randomKey, tokenRule} from '../build.js'

/** Octopus Deploy: its key, from the provider's published format. */
export const OCTOPUS_DEPLOY_RULES: readonly Rule[] = [
  tokenRule({
    id: 'octopus-deploy-api-key',
    provider: 'Octopus Deploy',
    description: 'An Octopus Deploy API key: deploys releases to the instance\'s environments as its user.',
    keywords: ['api-'],
    body: 'API-[A-Z0-9]{26}',
    before: 'A-Za-z0-9+/_.-',
    after: 'A-Za-z0-9_-',
    entropy: 3,
    verify: (secret) => /[0-9]/.test(secret.slice(4)) && /[A-Z]/.test(secret.slice(4)),
    severity: 'critical',
    fake: () => `API-${randomKey(UPPER_ALNUM, 24)}Q7`,
    nonMatches: () => [`msgstr "GSSAPI-${randomKey(UPPER_ALNUM, 26)}."`, `https://docs.example.net/API-${randomKey('0123456789ABCDEF', 32)}`],
  }),
]
