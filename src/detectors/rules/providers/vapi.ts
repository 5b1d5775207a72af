import type {Rule} from '../../types.js'
import {UUID, keyedRule, randomUuid} from '../build.js'

/** Vapi: its key, from the provider's published format. */
export const VAPI_RULES: readonly Rule[] = [
  keyedRule({
    id: 'vapi-private-key',
    provider: 'Vapi',
    description: 'A Vapi private API key: places voice-agent calls billed to the organisation.',
    words: 'vapi',
    value: UUID,
    entropy: 3,
    fake: randomUuid,
    secretNameOnly: true,
    exampleName: 'VAPI_PRIVATE_KEY',
  }),
]
