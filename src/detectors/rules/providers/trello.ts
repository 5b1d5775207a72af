import {HEX} from '../../../lib/random.js'
import type {Rule} from '../../types.js'
import {keyedRule, randomKey} from '../build.js'

/** Trello: its key, from the provider's published format. */
export const TRELLO_RULES: readonly Rule[] = [
  keyedRule({
    id: 'trello-access-token',
    provider: 'Trello',
    description: 'A Trello API key or token: reads and changes the user\'s boards.',
    words: 'trello',
    value: '[A-Za-z0-9-]{32}|[a-fA-F0-9]{64}',
    entropy: 3,
    fake: () => randomKey(HEX, 32),
    exampleName: 'TRELLO_TOKEN',
  }),
]
