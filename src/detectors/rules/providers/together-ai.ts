import {BASE64URL, HEX} from '../../../lib/random.js'
import type {Rule} from '../../types.js'
import {keyedRule, randomKey, tokenRule} from '../build.js'

/** Together AI: its keys, from the provider's published format. */
export const TOGETHER_AI_RULES: readonly Rule[] = [
  tokenRule({
    id: 'together-ai-api-key',
    provider: 'Together AI',
    description: 'A Together AI API key (tgp_v1_): runs inference and fine-tuning billed to the account.',
    keywords: ['tgp_v1_'],
    body: 'tgp_v1_[A-Za-z0-9_-]{43}',
    entropy: 3,
    fake: () => `tgp_v1_${randomKey(BASE64URL, 43)}`,
    nonMatches: () => [`tgp_v1_${randomKey(BASE64URL, 20)}`, `tgp_v2_${randomKey(BASE64URL, 43)}`],
  }),
  keyedRule({
    id: 'together-ai-legacy-key',
    provider: 'Together AI',
    description: 'A Together AI API key in its older hex form: runs inference billed to the account.',
    words: 'together(?:[_.-]?ai)?',
    keywords: ['together'],
    value: '[a-f0-9]{64}',
    entropy: 3,
    fake: () => randomKey(HEX, 64),
    exampleName: 'TOGETHER_API_KEY',
  }),
]
