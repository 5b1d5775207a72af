import type {Rule} from '../types.js'
import {ALNUM, randomString} from '../../lib/random.js'
import {prefixRule} from './helpers.js'

export const GROQ_RULES: readonly Rule[] = [
  prefixRule({
    id: 'groq-api-key',
    provider: 'Groq',
    description: 'A Groq API key (`gsk_`): model inference billed to the organisation.',
    keywords: ['gsk_'],
    body: 'gsk_[A-Za-z0-9]{52}',
    entropy: 3.5,
    severity: 'high',
    envName: 'GROQ_API_KEY',
    fake: () => `gsk_${randomString(ALNUM, 52)}`,
    nonMatches: () => [`GROQ_API_KEY=gsk_${randomString(ALNUM, 30)}`, 'GROQ_API_KEY=gsk_...', `GROQ_API_KEY=gsk-${randomString(ALNUM, 52)}`],
  }),
]
