import {ALNUM} from '../../../lib/random.js'
import type {Rule} from '../../types.js'
import {keyedRule, randomKey} from '../build.js'

/** RudderStack: its key, from the provider's published format. */
export const RUDDERSTACK_RULES: readonly Rule[] = [
  keyedRule({
    id: 'rudderstack-access-token',
    provider: 'RudderStack',
    description: 'A RudderStack write key or access token: sends events into, or changes, the workspace\'s pipelines.',
    words: 'rudder(?:stack)?',
    keywords: ['rudder'],
    value: '[A-Za-z0-9]{27}|[A-Za-z0-9_-]{40,}',
    entropy: 3.5,
    fake: () => randomKey(ALNUM, 27),
    secretNameOnly: true,
    exampleName: 'RUDDERSTACK_WRITE_KEY',
  }),
]
