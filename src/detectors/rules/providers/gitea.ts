import {HEX} from '../../../lib/random.js'
import type {Rule} from '../../types.js'
import {keyedRule, randomKey} from '../build.js'

/** Gitea: its key, from the provider's published format. */
export const GITEA_RULES: readonly Rule[] = [
  keyedRule({
    id: 'gitea-access-token',
    provider: 'Gitea',
    description: 'A Gitea or Forgejo access token: reads and pushes the user\'s repositories.',
    words: 'gitea|forgejo|codeberg',
    keywords: ['gitea', 'forgejo', 'codeberg'],
    value: '[a-f0-9]{40}',
    entropy: 3,
    fake: () => randomKey(HEX, 40),
    exampleName: 'GITEA_TOKEN',
  }),
]
