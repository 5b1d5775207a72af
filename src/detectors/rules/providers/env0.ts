import {BASE64URL} from '../../../lib/random.js'
import type {Rule} from '../../types.js'
import {keyedRule, randomKey} from '../build.js'

/** env0: its key, from the provider's published format. */
export const ENV0_RULES: readonly Rule[] = [
  keyedRule({
    id: 'env0-api-secret',
    provider: 'env0',
    description: 'An env0 API key secret: deploys and destroys the organisation\'s environments.',
    words: 'env0',
    value: '[A-Za-z0-9_-]{32,}',
    entropy: 3.5,
    severity: 'critical',
    fake: () => randomKey(BASE64URL, 32),
    secretNameOnly: true,
    exampleName: 'ENV0_API_SECRET',
  }),
]
