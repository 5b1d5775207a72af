import type {Rule} from '../../types.js'
import {UUID, keyedRule, randomUuid} from '../build.js'

/** Gladia: its key, from the provider's published format. */
export const GLADIA_RULES: readonly Rule[] = [
  keyedRule({
    id: 'gladia-api-key',
    provider: 'Gladia',
    description: 'A Gladia API key: transcribes audio billed to the account.',
    words: 'gladia',
    value: UUID,
    entropy: 3,
    fake: randomUuid,
    secretNameOnly: true,
    exampleName: 'GLADIA_API_KEY',
  }),
]
