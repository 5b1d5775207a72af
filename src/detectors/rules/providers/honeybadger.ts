import {ALNUM} from '../../../lib/random.js'
import type {Rule} from '../../types.js'
import {keyedRule, randomKey, tokenRule} from '../build.js'

/** Honeybadger: its keys, from the provider's published format. */
export const HONEYBADGER_RULES: readonly Rule[] = [
  tokenRule({
    id: 'honeybadger-personal-token',
    provider: 'Honeybadger',
    description: 'A Honeybadger personal auth token (hbp_): reads and changes the user\'s projects and faults.',
    keywords: ['hbp_'],
    body: 'hbp_[A-Za-z0-9]{36}',
    entropy: 3,
    fake: () => `hbp_${randomKey(ALNUM, 36)}`,
    nonMatches: () => [`hbp_${randomKey(ALNUM, 20)}`],
  }),
  keyedRule({
    id: 'honeybadger-api-key',
    provider: 'Honeybadger',
    description: 'A Honeybadger project API key: reports errors and check-ins into the project.',
    words: 'honeybadger',
    value: 'hbp_[A-Za-z0-9]{36}|[A-Za-z0-9]{20,32}',
    entropy: 3,
    severity: 'medium',
    fake: () => randomKey(ALNUM, 24),
    exampleName: 'HONEYBADGER_API_KEY',
  }),
]
