import {ALNUM} from '../../../lib/random.js'
import type {Rule} from '../../types.js'
import {keyedRule, randomKey} from '../build.js'

/** Gandi: its key, from the provider's published format. */
export const GANDI_RULES: readonly Rule[] = [
  keyedRule({
    id: 'gandi-personal-access-token',
    provider: 'Gandi',
    description: 'A Gandi personal access token or API key: changes the account\'s domains and DNS records.',
    words: 'gandi(?:v5)?',
    keywords: ['gandi'],
    value: '[A-Za-z0-9]{24}|[a-f0-9]{40}',
    entropy: 3,
    severity: 'critical',
    fake: () => randomKey(ALNUM, 24),
    secretNameOnly: true,
    exampleName: 'GANDIV5_PERSONAL_ACCESS_TOKEN',
  }),
]
