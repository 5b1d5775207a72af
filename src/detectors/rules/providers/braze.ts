import type {Rule} from '../../types.js'
import {UUID, keyedRule, randomUuid} from '../build.js'

/** Braze: its key, from the provider's published format. */
export const BRAZE_RULES: readonly Rule[] = [
  keyedRule({
    id: 'braze-rest-api-key',
    provider: 'Braze',
    description: 'A Braze REST API key: reads and changes the workspace\'s users and sends its messages.',
    words: 'braze|appboy',
    keywords: ['braze', 'appboy'],
    value: UUID,
    entropy: 3,
    fake: randomUuid,
    secretNameOnly: true,
    exampleName: 'BRAZE_REST_API_KEY',
  }),
]
