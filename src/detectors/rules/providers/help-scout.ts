import {ALNUM} from '../../../lib/random.js'
import type {Rule} from '../../types.js'
import {keyedRule, randomKey} from '../build.js'

/** Help Scout: its key, from the provider's published format. */
export const HELP_SCOUT_RULES: readonly Rule[] = [
  keyedRule({
    id: 'help-scout-app-secret',
    provider: 'Help Scout',
    description: 'A Help Scout app secret: with its app id it reads and answers the mailboxes\' conversations.',
    words: 'help[_.-]?scout',
    keywords: ['helpscout', 'help_scout', 'help-scout', 'help.scout'],
    value: '[A-Za-z0-9]{32}',
    entropy: 3,
    fake: () => randomKey(ALNUM, 32),
    secretNameOnly: true,
    exampleName: 'HELPSCOUT_APP_SECRET',
  }),
]
