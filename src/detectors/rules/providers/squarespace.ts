import type {Rule} from '../../types.js'
import {UUID, keyedRule, randomUuid} from '../build.js'

/** Squarespace: its key, from the provider's published format. */
export const SQUARESPACE_RULES: readonly Rule[] = [
  keyedRule({
    id: 'squarespace-access-token',
    provider: 'Squarespace',
    description: 'A Squarespace API key: reads and changes the site\'s commerce data.',
    words: 'squarespace',
    value: UUID,
    entropy: 3,
    fake: randomUuid,
    secretNameOnly: true,
    exampleName: 'SQUARESPACE_API_KEY',
  }),
]
