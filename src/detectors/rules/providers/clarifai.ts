import {HEX} from '../../../lib/random.js'
import type {Rule} from '../../types.js'
import {keyedRule, randomKey} from '../build.js'

/** Clarifai: its key, from the provider's published format. */
export const CLARIFAI_RULES: readonly Rule[] = [
  keyedRule({
    id: 'clarifai-pat',
    provider: 'Clarifai',
    description: 'A Clarifai personal access token: runs models and reads the user\'s apps.',
    words: 'clarifai',
    value: '[a-f0-9]{32}',
    entropy: 3,
    fake: () => randomKey(HEX, 32),
    exampleName: 'CLARIFAI_PAT',
  }),
]
