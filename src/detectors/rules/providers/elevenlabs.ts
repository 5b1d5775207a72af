import type {Rule} from '../../types.js'
import {HEX, randomString} from '../../../lib/random.js'
import {nameRule, prefixRule} from '../build.js'

export const ELEVENLABS_RULES: readonly Rule[] = [
  prefixRule({
    id: 'elevenlabs-api-key',
    provider: 'ElevenLabs',
    description: 'An ElevenLabs API key (`sk_` + 48 hex): voice generation and cloning billed to the account.',
    keywords: ['sk_'],
    body: 'sk_[a-f0-9]{48}',
    entropy: 2.7,
    severity: 'high',
    envName: 'ELEVENLABS_API_KEY',
    fake: () => `sk_${randomString(HEX, 48)}`,
    nonMatches: () => [`ELEVENLABS_API_KEY=sk_${randomString(HEX, 30)}`, `ELEVENLABS_API_KEY=sk_${'0'.repeat(48)}`],
  }),
  nameRule({
    id: 'elevenlabs-legacy-api-key',
    provider: 'ElevenLabs',
    description: 'A legacy ElevenLabs API key (32 hex under an ElevenLabs or `xi-api-key` name).',
    keywords: ['eleven', 'xi-api', 'xi_api'],
    names: /(?:^|_)(?:eleven_?labs(?:_[a-z0-9]+)*_(?:api_key|key|token)|xi_api_key)$/,
    body: '[a-f0-9]{32}',
    entropy: 2.7,
    severity: 'high',
    envName: 'ELEVENLABS_API_KEY',
    fake: () => randomString(HEX, 32),
    nonMatches: () => [`ELEVENLABS_VOICE_ID=${randomString(HEX, 32)}`, `ELEVENLABS_API_KEY=${randomString(HEX, 20)}`],
  }),
]
