import {HEX} from '../../../lib/random.js'
import type {Rule} from '../../types.js'
import {keyedRule, randomKey} from '../build.js'

/** Toggl: its key, from the provider's published format. */
export const TOGGL_RULES: readonly Rule[] = [
  keyedRule({
    id: 'toggl-api-token',
    provider: 'Toggl',
    description: 'A Toggl Track API token: reads and changes the user\'s time entries and workspaces.',
    words: 'toggl',
    value: '[a-f0-9]{32}',
    entropy: 3,
    severity: 'medium',
    fake: () => randomKey(HEX, 32),
    exampleName: 'TOGGL_API_TOKEN',
  }),
]
