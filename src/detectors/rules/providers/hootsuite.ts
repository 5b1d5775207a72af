import {BASE64URL} from '../../../lib/random.js'
import type {Rule} from '../../types.js'
import {keyedRule, randomKey} from '../build.js'

/** Hootsuite: its key, from the provider's published format. */
export const HOOTSUITE_RULES: readonly Rule[] = [
  keyedRule({
    id: 'hootsuite-client-secret',
    provider: 'Hootsuite',
    description: 'A Hootsuite app client secret: obtains tokens that publish on the members\' social profiles.',
    words: 'hootsuite',
    value: '[A-Za-z0-9_-]{20,}',
    entropy: 3.5,
    fake: () => randomKey(BASE64URL, 32),
    secretNameOnly: true,
    exampleName: 'HOOTSUITE_CLIENT_SECRET',
  }),
]
