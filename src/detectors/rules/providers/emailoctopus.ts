import type {Rule} from '../../types.js'
import {UUID, keyedRule, randomUuid} from '../build.js'

/** EmailOctopus: its key, from the provider's published format. */
export const EMAILOCTOPUS_RULES: readonly Rule[] = [
  keyedRule({
    id: 'emailoctopus-api-key',
    provider: 'EmailOctopus',
    description: 'An EmailOctopus API key: reads and changes the account\'s lists and contacts.',
    words: 'email[_.-]?octopus',
    keywords: ['emailoctopus', 'email_octopus', 'email-octopus', 'email.octopus'],
    value: UUID,
    entropy: 3,
    fake: randomUuid,
    secretNameOnly: true,
    exampleName: 'EMAILOCTOPUS_API_KEY',
  }),
]
