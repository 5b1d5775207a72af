import {BASE64URL} from '../../../lib/random.js'
import type {Rule} from '../../types.js'
import {keyedRule, randomKey} from '../build.js'

/** Rev.ai: its key, from the provider's published format. */
export const REV_AI_RULES: readonly Rule[] = [
  keyedRule({
    id: 'rev-ai-access-token',
    provider: 'Rev.ai',
    description: 'A Rev AI access token: transcribes audio billed to the account and reads past transcripts.',
    words: 'rev[_.-]?ai',
    keywords: ['revai', 'rev_ai', 'rev-ai', 'rev.ai'],
    value: '02[A-Za-z0-9_-]{60,}',
    entropy: 3.5,
    fake: () => `02${randomKey(BASE64URL, 64)}`,
    exampleName: 'REVAI_ACCESS_TOKEN',
  }),
]
