import {ALNUM} from '../../../lib/random.js'
import type {Rule} from '../../types.js'
import {randomKey, tokenRule} from '../build.js'

/** Prefect: its key, from the provider's published format. */
export const PREFECT_RULES: readonly Rule[] = [
  tokenRule({
    id: 'prefect-api-token',
    provider: 'Prefect',
    description: 'A Prefect Cloud API key: runs and changes the workspace\'s flows and blocks.',
    keywords: ['pnu_'],
    body: 'pnu_[A-Za-z0-9]{36}',
    entropy: 3,
    fake: () => `pnu_${randomKey(ALNUM, 36)}`,
    nonMatches: () => [`pnu_${randomKey(ALNUM, 20)}`],
  }),
]
