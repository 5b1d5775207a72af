import {ALNUM} from '../../../lib/random.js'
import type {Rule} from '../../types.js'
import {keyedRule, randomKey} from '../build.js'

/** Mem0: its key, from the provider's published format. */
export const MEM0_RULES: readonly Rule[] = [
  keyedRule({
    id: 'mem0-api-key',
    provider: 'Mem0',
    description: 'A Mem0 API key (m0-): reads and writes the organisation\'s stored agent memories.',
    words: 'mem0',
    value: 'm0-[A-Za-z0-9]{40}',
    entropy: 3,
    fake: () => `m0-${randomKey(ALNUM, 40)}`,
    exampleName: 'MEM0_API_KEY',
  }),
]
