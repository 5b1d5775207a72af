import {HEX} from '../../../lib/random.js'
import type {Rule} from '../../types.js'
import {keyedRule, randomKey} from '../build.js'

/** Transloadit: its key, from the provider's published format. */
export const TRANSLOADIT_RULES: readonly Rule[] = [
  keyedRule({
    id: 'transloadit-auth-secret',
    provider: 'Transloadit',
    description: 'A Transloadit auth secret: signs assemblies that encode files billed to the account.',
    words: 'transloadit',
    value: '[a-f0-9]{40}',
    entropy: 3,
    fake: () => randomKey(HEX, 40),
    secretNameOnly: true,
    exampleName: 'TRANSLOADIT_SECRET',
  }),
]
