import {HEX} from '../../../lib/random.js'
import type {Rule} from '../../types.js'
import {keyedRule, randomKey} from '../build.js'

/** AssemblyAI: its key, from the provider's published format. */
export const ASSEMBLYAI_RULES: readonly Rule[] = [
  keyedRule({
    id: 'assemblyai-api-key',
    provider: 'AssemblyAI',
    description: 'An AssemblyAI API key: transcribes audio billed to the account and reads past transcripts.',
    words: 'assembly[_.-]?ai',
    keywords: ['assemblyai', 'assembly_ai', 'assembly-ai', 'assembly.ai'],
    value: '[a-f0-9]{32}',
    entropy: 3,
    fake: () => randomKey(HEX, 32),
    exampleName: 'ASSEMBLYAI_API_KEY',
  }),
]
