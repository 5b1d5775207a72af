import type {ProviderService, Rule} from '../../types.js'
import {ALNUM, randomString} from '../../../lib/random.js'
import {prefixRule} from '../build.js'

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

/** The broker's built-in service for Groq keys: its public API and the way its SDKs send the key. */
export const GROQ_SERVICE: ProviderService = {
  preset: {name: 'groq', upstream: 'https://api.groq.com/openai', auth: {kind: 'header', header: 'authorization', template: 'Bearer {secret}'}, baseUrlEnv: ['GROQ_BASE_URL'], baseUrlSuffix: '', hosts: ['api.groq.com']},
}
