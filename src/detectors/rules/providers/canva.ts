import {BASE64URL} from '../../../lib/random.js'
import type {Rule} from '../../types.js'
import {keyedRule, randomKey} from '../build.js'

/** Canva: its key, from the provider's published format. */
export const CANVA_RULES: readonly Rule[] = [
  keyedRule({
    id: 'canva-client-secret',
    provider: 'Canva',
    description: 'A Canva Connect app client secret: obtains tokens for the users\' designs and assets.',
    words: 'canva',
    value: 'cnvca[A-Za-z0-9_-]{40,}|[A-Za-z0-9_-]{43,}',
    entropy: 3.5,
    fake: () => `cnvca${randomKey(BASE64URL, 48)}`,
    secretNameOnly: true,
    exampleName: 'CANVA_CLIENT_SECRET',
  }),
]
