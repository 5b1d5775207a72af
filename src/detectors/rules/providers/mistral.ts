import type {ProviderService, Rule} from '../../types.js'
import {ALNUM, randomString} from '../../../lib/random.js'
import {nameRule} from '../build.js'

export const MISTRAL_RULES: readonly Rule[] = [
  nameRule({
    id: 'mistral-api-key',
    provider: 'Mistral AI',
    description: 'A Mistral AI API key (32 characters, no prefix): model calls billed to the workspace.',
    keywords: ['mistral', 'codestral'],
    names: /(?:^|_)(?:mistral|codestral)(?:_[a-z0-9]+)*_(?:api_key|key|token)$/,
    body: '[A-Za-z0-9]{32}',
    entropy: 3.5,
    severity: 'high',
    envName: 'MISTRAL_API_KEY',
    fake: () => randomString(ALNUM, 32),
    nonMatches: () => [`MISTRAL_MODEL=${randomString(ALNUM, 32)}`, `MISTRAL_API_KEY=${randomString(ALNUM, 20)}`, 'MISTRAL_API_KEY=your-mistral-key'],
  }),
]

/** The broker's built-in service for Mistral keys: its public API and the way its SDKs send the key. */
export const MISTRAL_SERVICE: ProviderService = {
  preset: {name: 'mistral', upstream: 'https://api.mistral.ai', auth: {kind: 'header', header: 'authorization', template: 'Bearer {secret}'}, baseUrlEnv: ['MISTRAL_BASE_URL'], baseUrlSuffix: '', hosts: ['api.mistral.ai']},
}
