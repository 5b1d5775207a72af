import {ALNUM} from '../../../lib/random.js'
import type {Rule} from '../../types.js'
import {keyedRule, randomKey} from '../build.js'

/** Turborepo: its key, from the provider's published format. */
export const TURBOREPO_RULES: readonly Rule[] = [
  keyedRule({
    id: 'turborepo-remote-cache-token',
    provider: 'Turborepo',
    description: 'A Turborepo remote-cache token: reads and writes the team\'s build cache.',
    words: 'turbo',
    keywords: ['turbo_', 'turbo-', 'turbo.', 'turboapi', 'turbokey', 'turbotoken', 'turbosecret', 'turboauth', 'turboaccess', 'turboclient', 'turboprivate', 'turboapp', 'turbowrite', 'turborest', 'turborecord', 'turbosdk', 'turbopat', 'turbopassword'],
    value: '[A-Za-z0-9]{24}',
    entropy: 3,
    fake: () => randomKey(ALNUM, 24),
    secretNameOnly: true,
    exampleName: 'TURBO_TOKEN',
  }),
]
