import {HEX} from '../../../lib/random.js'
import type {Rule} from '../../types.js'
import {keyedRule, randomKey} from '../build.js'

/** Bugsnag: its key, from the provider's published format. */
export const BUGSNAG_RULES: readonly Rule[] = [
  keyedRule({
    id: 'bugsnag-auth-token',
    provider: 'Bugsnag',
    description: 'A Bugsnag (Insight Hub) data-access or notifier key: reads or sends the project\'s error reports.',
    words: 'bugsnag',
    value: '[a-f0-9]{32}|[a-f0-9]{8}-[a-f0-9]{4}-[a-f0-9]{4}-[a-f0-9]{4}-[a-f0-9]{12}',
    entropy: 3,
    severity: 'medium',
    fake: () => randomKey(HEX, 32),
    exampleName: 'BUGSNAG_AUTH_TOKEN',
  }),
]
