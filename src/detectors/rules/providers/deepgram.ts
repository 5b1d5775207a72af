import {HEX} from '../../../lib/random.js'
import type {Rule} from '../../types.js'
import {keyedRule, randomKey} from '../build.js'

/** Deepgram: its key, from the provider's published format. */
export const DEEPGRAM_RULES: readonly Rule[] = [
  keyedRule({
    id: 'deepgram-api-key',
    provider: 'Deepgram',
    description: 'A Deepgram API key: transcribes and synthesises speech billed to the project.',
    words: 'deepgram',
    value: '[a-f0-9]{40}',
    entropy: 3,
    fake: () => randomKey(HEX, 40),
    exampleName: 'DEEPGRAM_API_KEY',
  }),
]
