import {HEX} from '../../../lib/random.js'
import type {Rule} from '../../types.js'
import {keyedRule, randomKey} from '../build.js'

/** Todoist: its key, from the provider's published format. */
export const TODOIST_RULES: readonly Rule[] = [
  keyedRule({
    id: 'todoist-api-token',
    provider: 'Todoist',
    description: 'A Todoist API token: reads and changes the user\'s tasks and projects.',
    words: 'todoist',
    value: '[a-f0-9]{40}',
    entropy: 3,
    severity: 'medium',
    fake: () => randomKey(HEX, 40),
    exampleName: 'TODOIST_API_TOKEN',
  }),
]
