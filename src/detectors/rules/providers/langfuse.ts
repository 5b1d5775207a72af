import {HEX} from '../../../lib/random.js'
import type {Rule} from '../../types.js'
import {randomKey, randomUuid, tokenRule} from '../build.js'

/** Langfuse: its keys, from the provider's published format. */
export const LANGFUSE_RULES: readonly Rule[] = [
  tokenRule({
    id: 'langfuse-secret-key',
    provider: 'Langfuse',
    description: 'A Langfuse secret key (sk-lf-): reads and writes the project\'s traces, prompts and scores.',
    keywords: ['sk-lf-'],
    body: 'sk-lf-[a-f0-9]{8}-[a-f0-9]{4}-[a-f0-9]{4}-[a-f0-9]{4}-[a-f0-9]{12}',
    entropy: 3,
    fake: () => `sk-lf-${randomUuid()}`,
    nonMatches: () => [`sk-lf-${randomKey(HEX, 16)}`, `pk-lf-${randomUuid()}`],
  }),
  tokenRule({
    id: 'langfuse-public-key',
    provider: 'Langfuse',
    description: 'A Langfuse public key (pk-lf-): names the project; the secret key usually sits beside it.',
    keywords: ['pk-lf-'],
    body: 'pk-lf-[a-f0-9]{8}-[a-f0-9]{4}-[a-f0-9]{4}-[a-f0-9]{4}-[a-f0-9]{12}',
    entropy: 3,
    severity: 'low',
    fake: () => `pk-lf-${randomUuid()}`,
    nonMatches: () => [`pk-lf-${randomKey(HEX, 16)}`],
  }),
]
