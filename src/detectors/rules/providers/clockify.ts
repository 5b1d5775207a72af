import {BASE64} from '../../../lib/random.js'
import type {Rule} from '../../types.js'
import {keyedRule, randomKey} from '../build.js'

/** Clockify: its key, from the provider's published format. */
export const CLOCKIFY_RULES: readonly Rule[] = [
  keyedRule({
    id: 'clockify-api-key',
    provider: 'Clockify',
    description: 'A Clockify API key: reads and changes the user\'s time entries and workspaces.',
    words: 'clockify',
    value: '[A-Za-z0-9+/]{48}',
    entropy: 3,
    severity: 'medium',
    fake: () => randomKey(BASE64, 48),
    exampleName: 'CLOCKIFY_API_KEY',
  }),
]
