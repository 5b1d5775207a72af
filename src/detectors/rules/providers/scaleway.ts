import type {Rule} from '../../types.js'
import {UPPER_ALNUM, UUID, keyedRule, randomKey, randomUuid, tokenRule} from '../build.js'

/** Scaleway: its keys, from the provider's published format. */
export const SCALEWAY_RULES: readonly Rule[] = [
  tokenRule({
    id: 'scaleway-access-key',
    provider: 'Scaleway',
    description: 'A Scaleway access key (SCW…): names the API key whose secret usually sits beside it.',
    keywords: ['SCW'],
    body: 'SCW[A-Z0-9]{17}',
    before: 'A-Za-z0-9',
    after: 'A-Za-z0-9',
    entropy: 3,
    severity: 'medium',
    fake: () => `SCW${randomKey(UPPER_ALNUM, 17)}`,
    nonMatches: () => [`SCW${randomKey(UPPER_ALNUM, 10)}`, `scw${randomKey(UPPER_ALNUM, 17)}`],
  }),
  keyedRule({
    id: 'scaleway-secret-key',
    provider: 'Scaleway',
    description: 'A Scaleway secret key: with its access key it manages the organisation\'s cloud resources.',
    words: 'scaleway|scw',
    keywords: ['scaleway', 'scw'],
    value: UUID,
    entropy: 3,
    severity: 'critical',
    fake: randomUuid,
    secretNameOnly: true,
    exampleName: 'SCW_SECRET_KEY',
  }),
]
