import {ALNUM} from '../../../lib/random.js'
import type {Rule} from '../../types.js'
import {keyedRule, randomKey} from '../build.js'

/** Raygun: its key, from the provider's published format. */
export const RAYGUN_RULES: readonly Rule[] = [
  keyedRule({
    id: 'raygun-api-key',
    provider: 'Raygun',
    description: 'A Raygun API key or personal access token: reports crashes into, or reads, the application.',
    words: 'raygun',
    value: '[A-Za-z0-9]{22}|[A-Za-z0-9_-]{43}',
    entropy: 3,
    severity: 'medium',
    fake: () => randomKey(ALNUM, 22),
    exampleName: 'RAYGUN_API_KEY',
  }),
]
