import type {Rule} from '../../types.js'
import {UUID, keyedRule, randomUuid} from '../build.js'

/** Exa: its key, from the provider's published format. */
export const EXA_RULES: readonly Rule[] = [
  keyedRule({
    id: 'exa-api-key',
    provider: 'Exa',
    description: 'An Exa search API key: runs searches and content fetches billed to the account.',
    words: 'exa',
    keywords: ['exa_', 'exa-', 'exa.', 'exaapi', 'exakey', 'exatoken', 'exasecret', 'exaauth', 'exaaccess', 'exaclient', 'exaprivate', 'exaapp', 'exawrite', 'exarest', 'exarecord', 'exasdk', 'exapat', 'exapassword'],
    value: UUID,
    entropy: 3,
    fake: randomUuid,
    secretNameOnly: true,
    exampleName: 'EXA_API_KEY',
  }),
]
