import {ALNUM} from '../../../lib/random.js'
import type {Rule} from '../../types.js'
import {keyedRule, randomKey} from '../build.js'

/** Scout APM: its key, from the provider's published format. */
export const SCOUT_APM_RULES: readonly Rule[] = [
  keyedRule({
    id: 'scout-apm-key',
    provider: 'Scout APM',
    description: 'A Scout APM key: sends traces into the organisation\'s apps.',
    words: 'scout(?:[_.-]?apm)?',
    keywords: ['scout'],
    value: '[A-Za-z0-9]{20}',
    entropy: 3,
    severity: 'medium',
    fake: () => randomKey(ALNUM, 20),
    secretNameOnly: true,
    exampleName: 'SCOUT_KEY',
  }),
]
