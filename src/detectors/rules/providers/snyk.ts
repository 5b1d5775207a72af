import type {Rule} from '../../types.js'
import {UUID, keyedRule, randomUuid} from '../build.js'

/** Snyk: its key, from the provider's published format. */
export const SNYK_RULES: readonly Rule[] = [
  keyedRule({
    id: 'snyk-api-token',
    provider: 'Snyk',
    description: 'A Snyk API token: reads the organisation\'s projects and their vulnerabilities.',
    words: 'snyk',
    value: UUID,
    entropy: 3,
    fake: randomUuid,
    secretNameOnly: true,
    exampleName: 'SNYK_TOKEN',
  }),
]
