import {ALNUM} from '../../../lib/random.js'
import type {Rule} from '../../types.js'
import {keyedRule, randomKey} from '../build.js'

/** Better Stack: its key, from the provider's published format. */
export const BETTER_STACK_RULES: readonly Rule[] = [
  keyedRule({
    id: 'better-stack-source-token',
    provider: 'Better Stack',
    description: 'A Better Stack (Logtail) source or API token: sends logs into, or changes, the team\'s monitors and sources.',
    words: 'better[_.-]?stack|betteruptime|logtail',
    keywords: ['betterstack', 'better_stack', 'better-stack', 'better.stack', 'betteruptime', 'logtail'],
    value: '[A-Za-z0-9]{24}',
    entropy: 3,
    fake: () => randomKey(ALNUM, 24),
    secretNameOnly: true,
    exampleName: 'LOGTAIL_SOURCE_TOKEN',
  }),
]
