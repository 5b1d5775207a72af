import type {Rule} from '../../types.js'
import {LOWER_ALNUM, keyedRule, randomKey} from '../build.js'

/** Mattermost: its key, from the provider's published format. */
export const MATTERMOST_RULES: readonly Rule[] = [
  keyedRule({
    id: 'mattermost-access-token',
    provider: 'Mattermost',
    description: 'A Mattermost personal access token: posts and administers as its user.',
    words: 'mattermost',
    value: '[A-Za-z0-9]{26}',
    entropy: 3,
    fake: () => randomKey(LOWER_ALNUM, 26),
    exampleName: 'MATTERMOST_TOKEN',
  }),
]
