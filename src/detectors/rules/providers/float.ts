import {BASE64} from '../../../lib/random.js'
import type {Rule} from '../../types.js'
import {keyedRule, randomKey} from '../build.js'

/** Float: its key, from the provider's published format. */
export const FLOAT_RULES: readonly Rule[] = [
  keyedRule({
    id: 'float-api-key',
    provider: 'Float',
    description: 'A Float API key: reads and changes the team\'s people, projects and schedules.',
    words: 'float[_.-]?(?:api|access)',
    keywords: ['float_api', 'float-api', 'floatapi', 'float_access', 'float-access', 'floataccess'],
    value: '[A-Za-z0-9+/=_-]{40,}',
    entropy: 3.5,
    severity: 'medium',
    fake: () => randomKey(BASE64, 44),
    exampleName: 'FLOAT_API_KEY',
  }),
]
