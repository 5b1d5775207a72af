import {BASE64URL} from '../../../lib/random.js'
import type {Rule} from '../../types.js'
import {keyedRule, randomKey} from '../build.js'

/** Gitpod: its key, from the provider's published format. */
export const GITPOD_RULES: readonly Rule[] = [
  keyedRule({
    id: 'gitpod-access-token',
    provider: 'Gitpod',
    description: 'A Gitpod (Ona) access token: starts workspaces with the user\'s repository access.',
    words: 'gitpod',
    value: '[A-Za-z0-9_.-]{40,}',
    entropy: 3.5,
    fake: () => randomKey(BASE64URL, 64),
    secretNameOnly: true,
    exampleName: 'GITPOD_TOKEN',
  }),
]
