import {BASE64URL} from '../../../lib/random.js'
import type {Rule} from '../../types.js'
import {UUID, keyedRule, randomKey, randomUuid, tokenRule} from '../build.js'

/** Heroku: its keys, from the provider's published format. */
export const HEROKU_RULES: readonly Rule[] = [
  keyedRule({
    id: 'heroku-api-key',
    provider: 'Heroku',
    description: 'A Heroku API key (UUID form): deploys and reconfigures every app the user can reach.',
    words: 'heroku',
    value: UUID,
    entropy: 3,
    severity: 'critical',
    fake: randomUuid,
    secretNameOnly: true,
    exampleName: 'HEROKU_API_KEY',
  }),
  tokenRule({
    id: 'heroku-api-key-v2',
    provider: 'Heroku',
    description: 'A Heroku API key (HRKU- form): deploys and reconfigures every app the user can reach.',
    keywords: ['hrku-aa'],
    body: 'HRKU-AA[A-Za-z0-9_-]{58,60}',
    before: '',
    entropy: 3.5,
    severity: 'critical',
    fake: () => `HRKU-AA${randomKey(BASE64URL, 58)}`,
    nonMatches: () => [`HRKU-AA${randomKey(BASE64URL, 30)}`],
  }),
]
