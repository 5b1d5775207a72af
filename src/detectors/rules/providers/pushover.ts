import type {Rule} from '../../types.js'
import {LOWER_ALNUM, keyedRule, randomKey} from '../build.js'

/** Pushover: its key, from the provider's published format. */
export const PUSHOVER_RULES: readonly Rule[] = [
  keyedRule({
    id: 'pushover-app-token',
    provider: 'Pushover',
    description: 'A Pushover application token: sends push notifications to the app\'s users on its quota.',
    words: 'pushover',
    value: 'a[a-z0-9]{29}|u[a-z0-9]{29}',
    entropy: 3,
    severity: 'medium',
    fake: () => `a${randomKey(LOWER_ALNUM, 29)}`,
    exampleName: 'PUSHOVER_APP_TOKEN',
  }),
]
