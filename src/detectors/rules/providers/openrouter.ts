import type {ProviderService, Rule} from '../../types.js'
import {HEX, randomString} from '../../../lib/random.js'
import {prefixRule} from '../build.js'

export const OPENROUTER_RULES: readonly Rule[] = [
  prefixRule({
    id: 'openrouter-api-key',
    provider: 'OpenRouter',
    description: 'An OpenRouter API key (`sk-or-v1-`): spends the account’s credits on any routed model.',
    keywords: ['sk-or-v1-'],
    body: 'sk-or-v1-[a-f0-9]{64}',
    entropy: 3.0,
    severity: 'high',
    envName: 'OPENROUTER_API_KEY',
    fake: () => `sk-or-v1-${randomString(HEX, 64)}`,
    nonMatches: () => [`OPENROUTER_API_KEY=sk-or-v1-${randomString(HEX, 30)}`, 'OPENROUTER_API_KEY=sk-or-v1-...'],
  }),
]

/** The broker's built-in service for OpenRouter keys: its public API and the way its SDKs send the key. */
export const OPENROUTER_SERVICE: ProviderService = {
  preset: {name: 'openrouter', upstream: 'https://openrouter.ai/api', auth: {kind: 'header', header: 'authorization', template: 'Bearer {secret}'}, baseUrlEnv: ['OPENROUTER_BASE_URL'], baseUrlSuffix: '/v1', hosts: ['openrouter.ai']},
}
