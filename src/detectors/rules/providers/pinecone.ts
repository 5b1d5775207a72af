import type {Rule} from '../../types.js'
import {ALNUM, randomString} from '../../../lib/random.js'
import {prefixRule} from '../build.js'

export const PINECONE_RULES: readonly Rule[] = [
  prefixRule({
    id: 'pinecone-api-key',
    provider: 'Pinecone',
    description: 'A Pinecone API key (`pcsk_`): reads and writes every index in the project.',
    keywords: ['pcsk_'],
    body: 'pcsk_[A-Za-z0-9]{4,8}_[A-Za-z0-9]{50,80}',
    entropy: 3.5,
    severity: 'high',
    envName: 'PINECONE_API_KEY',
    fake: () => `pcsk_${randomString(ALNUM, 6)}_${randomString(ALNUM, 63)}`,
    nonMatches: () => [`PINECONE_API_KEY=pcsk_${randomString(ALNUM, 6)}`, 'PINECONE_API_KEY=pcsk_...'],
  }),
]
