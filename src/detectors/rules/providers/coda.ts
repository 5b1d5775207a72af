import type {Rule} from '../../types.js'
import {UUID, keyedRule, randomUuid} from '../build.js'

/** Coda: its key, from the provider's published format. */
export const CODA_RULES: readonly Rule[] = [
  keyedRule({
    id: 'coda-api-token',
    provider: 'Coda',
    description: 'A Coda API token: reads and changes every doc its user can reach.',
    words: 'coda',
    keywords: ['coda_', 'coda-', 'coda.', 'codaapi', 'codakey', 'codatoken', 'codasecret', 'codaauth', 'codaaccess', 'codaclient', 'codaprivate', 'codaapp', 'codawrite', 'codarest', 'codarecord', 'codasdk', 'codapat', 'codapassword'],
    value: UUID,
    entropy: 3,
    fake: randomUuid,
    secretNameOnly: true,
    exampleName: 'CODA_API_TOKEN',
  }),
]
