import {BASE64URL} from '../../../lib/random.js'
import type {Rule} from '../../types.js'
import {keyedRule, randomKey} from '../build.js'

/** Pipedream: its key, from the provider's published format. */
export const PIPEDREAM_RULES: readonly Rule[] = [
  keyedRule({
    id: 'pipedream-client-secret',
    provider: 'Pipedream',
    description: 'A Pipedream OAuth client secret or API key: runs and changes the workspace\'s workflows.',
    words: 'pipedream',
    value: '[A-Za-z0-9_-]{32,}',
    entropy: 3.5,
    fake: () => randomKey(BASE64URL, 43),
    secretNameOnly: true,
    exampleName: 'PIPEDREAM_CLIENT_SECRET',
  }),
]
