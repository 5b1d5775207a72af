import {BASE64URL} from '../../../lib/random.js'
import type {Rule} from '../../types.js'
import {keyedRule, randomKey} from '../build.js'

/** Directus: its key, from the provider's published format. */
export const DIRECTUS_RULES: readonly Rule[] = [
  keyedRule({
    id: 'directus-static-token',
    provider: 'Directus',
    description: 'A Directus static token: acts on the project\'s data as the user it belongs to.',
    words: 'directus',
    value: '[A-Za-z0-9_-]{32}',
    entropy: 3,
    fake: () => randomKey(BASE64URL, 32),
    secretNameOnly: true,
    exampleName: 'DIRECTUS_TOKEN',
  }),
]
