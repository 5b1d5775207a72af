import {BASE64URL} from '../../../lib/random.js'
import type {Rule} from '../../types.js'
import {keyedRule, randomKey} from '../build.js'

/** Kontent.ai: its key, from the provider's published format. */
export const KONTENT_AI_RULES: readonly Rule[] = [
  keyedRule({
    id: 'kontent-ai-api-key',
    provider: 'Kontent.ai',
    description: 'A Kontent.ai management or preview API key: changes, or reads unpublished, project content.',
    words: 'kontent(?:[_.-]?ai)?|kentico',
    keywords: ['kontent', 'kentico'],
    value: 'eyJ[A-Za-z0-9_-]{10,}\\.eyJ[A-Za-z0-9_-]{20,}\\.[A-Za-z0-9_-]{20,}',
    entropy: 3.5,
    fake: () => `eyJ${randomKey(BASE64URL, 30)}.eyJ${randomKey(BASE64URL, 120)}.${randomKey(BASE64URL, 43)}`,
    exampleName: 'KONTENT_MANAGEMENT_API_KEY',
  }),
]
