import {BASE64URL} from '../../../lib/random.js'
import type {Rule} from '../../types.js'
import {keyedRule, randomKey} from '../build.js'

/** Replit: its key, from the provider's published format. */
export const REPLIT_RULES: readonly Rule[] = [
  keyedRule({
    id: 'replit-token',
    provider: 'Replit',
    description: 'A Replit token: acts on the user\'s repls and deployments.',
    words: 'replit',
    value: '[A-Za-z0-9_-]{40,}',
    entropy: 3.5,
    fake: () => randomKey(BASE64URL, 48),
    secretNameOnly: true,
    exampleName: 'REPLIT_TOKEN',
  }),
]
