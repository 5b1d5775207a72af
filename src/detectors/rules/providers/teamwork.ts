import {ALNUM} from '../../../lib/random.js'
import type {Rule} from '../../types.js'
import {keyedRule, randomKey} from '../build.js'

/** Teamwork: its key, from the provider's published format. */
export const TEAMWORK_RULES: readonly Rule[] = [
  keyedRule({
    id: 'teamwork-api-token',
    provider: 'Teamwork',
    description: 'A Teamwork.com API token: reads and changes the site\'s projects, tasks and time logs.',
    words: 'teamwork',
    value: 'twp_[A-Za-z0-9]{20,40}|[A-Za-z0-9]{28,32}',
    entropy: 3,
    fake: () => `twp_${randomKey(ALNUM, 30)}`,
    secretNameOnly: true,
    exampleName: 'TEAMWORK_API_TOKEN',
  }),
]
