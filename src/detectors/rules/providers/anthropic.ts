import type {ProviderService, Rule} from '../../types.js'
import {ALNUM, BASE64URL, randomString} from '../../../lib/random.js'
import {prefixRule} from '../build.js'

/** Anthropic keys: a versioned prefix, 93 base64url characters, then `AA`. */
function anthropicKey(prefix: string): string {
  return `${prefix}${randomString(BASE64URL, 93)}AA`
}

function anthropicRule(id: string, prefix: string, envName: string, description: string): Rule {
  return prefixRule({
    id,
    provider: 'Anthropic',
    description,
    keywords: [prefix.slice(0, -3)],
    body: `${prefix.slice(0, -3)}\\d\\d-[A-Za-z0-9_-]{80,110}AA`,
    entropy: 4.0,
    severity: 'critical',
    envName,
    fake: () => anthropicKey(prefix),
    nonMatches: () => [
      `${envName}=${prefix}${randomString(ALNUM, 20)}`,
      `${envName}=${prefix}...`,
      `${envName}=${prefix}your-key-here`,
      `${envName}=${prefix}${randomString(BASE64URL, 93)}BB`,
      `${envName}=${prefix.replace('sk-ant-', 'sk-abc-')}${randomString(BASE64URL, 93)}AA`,
    ],
  })
}

export const ANTHROPIC_RULES: readonly Rule[] = [
  anthropicRule(
    'anthropic-admin-key',
    'sk-ant-admin01-',
    'ANTHROPIC_ADMIN_KEY',
    'An Anthropic Admin API key: it manages the organisation’s members, workspaces and API keys.',
  ),
  anthropicRule('anthropic-api-key', 'sk-ant-api03-', 'ANTHROPIC_API_KEY', 'An Anthropic API key: Claude usage billed to the workspace that issued it.'),
  anthropicRule(
    'anthropic-oauth-token',
    'sk-ant-oat01-',
    'CLAUDE_CODE_OAUTH_TOKEN',
    'An Anthropic OAuth access token (Claude Code and subscriptions): acts as the signed-in user.',
  ),
]

/** The broker's built-in service for Anthropic keys: its public API and the way its SDKs send the key. */
export const ANTHROPIC_SERVICE: ProviderService = {
  preset: {name: 'anthropic', upstream: 'https://api.anthropic.com', auth: {kind: 'header', header: 'x-api-key', template: '{secret}'}, baseUrlEnv: ['ANTHROPIC_BASE_URL'], baseUrlSuffix: '', hosts: ['api.anthropic.com']},
}
