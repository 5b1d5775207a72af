import type {Rule} from '../../types.js'
import {UUID, keyedRule, randomUuid} from '../build.js'

/** Volcengine Ark: its key, from the provider's published format. */
export const VOLCENGINE_ARK_RULES: readonly Rule[] = [
  keyedRule({
    id: 'volcengine-ark-api-key',
    provider: 'Volcengine Ark',
    description: 'A Volcengine Ark (Doubao) API key: runs model calls billed to the account.',
    words: 'volc(?:engine)?|ark',
    keywords: ['volc', 'ark_', 'ark-', 'arkapi'],
    value: UUID,
    entropy: 3,
    fake: randomUuid,
    secretNameOnly: true,
    exampleName: 'ARK_API_KEY',
  }),
]
