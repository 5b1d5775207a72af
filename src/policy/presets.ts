import type {ServiceDefinition} from './types.js'

/**
 * Providers a typical agency uses, so a policy needs only the grants. Each names its public API base URL
 * and the way its SDKs send the key; a policy can override any field (a proxy, a regional endpoint).
 */
export const SERVICE_PRESETS: readonly ServiceDefinition[] = [
  {name: 'anthropic', upstream: 'https://api.anthropic.com', auth: {kind: 'header', header: 'x-api-key', template: '{secret}'}, baseUrlEnv: ['ANTHROPIC_BASE_URL'], baseUrlSuffix: '', hosts: ['api.anthropic.com']},
  {name: 'gemini', upstream: 'https://generativelanguage.googleapis.com', auth: {kind: 'header', header: 'x-goog-api-key', template: '{secret}'}, baseUrlEnv: ['GOOGLE_GEMINI_BASE_URL', 'GEMINI_BASE_URL'], baseUrlSuffix: '', hosts: ['generativelanguage.googleapis.com']},
  {name: 'github', upstream: 'https://api.github.com', auth: {kind: 'header', header: 'authorization', template: 'Bearer {secret}'}, baseUrlEnv: ['GITHUB_API_URL'], baseUrlSuffix: '', hosts: ['api.github.com']},
  {name: 'groq', upstream: 'https://api.groq.com/openai', auth: {kind: 'header', header: 'authorization', template: 'Bearer {secret}'}, baseUrlEnv: ['GROQ_BASE_URL'], baseUrlSuffix: '', hosts: ['api.groq.com']},
  {name: 'mistral', upstream: 'https://api.mistral.ai', auth: {kind: 'header', header: 'authorization', template: 'Bearer {secret}'}, baseUrlEnv: ['MISTRAL_BASE_URL'], baseUrlSuffix: '', hosts: ['api.mistral.ai']},
  {name: 'notion', upstream: 'https://api.notion.com', auth: {kind: 'header', header: 'authorization', template: 'Bearer {secret}'}, baseUrlEnv: ['NOTION_BASE_URL'], baseUrlSuffix: '', hosts: ['api.notion.com']},
  {name: 'openai', upstream: 'https://api.openai.com', auth: {kind: 'header', header: 'authorization', template: 'Bearer {secret}'}, baseUrlEnv: ['OPENAI_BASE_URL'], baseUrlSuffix: '/v1', hosts: ['api.openai.com']},
  {name: 'openrouter', upstream: 'https://openrouter.ai/api', auth: {kind: 'header', header: 'authorization', template: 'Bearer {secret}'}, baseUrlEnv: ['OPENROUTER_BASE_URL'], baseUrlSuffix: '/v1', hosts: ['openrouter.ai']},
  {name: 'slack', upstream: 'https://slack.com/api', auth: {kind: 'header', header: 'authorization', template: 'Bearer {secret}'}, baseUrlEnv: ['SLACK_API_URL'], baseUrlSuffix: '', hosts: ['slack.com']},
  {name: 'stripe', upstream: 'https://api.stripe.com', auth: {kind: 'header', header: 'authorization', template: 'Bearer {secret}'}, baseUrlEnv: ['STRIPE_API_BASE'], baseUrlSuffix: '', hosts: ['api.stripe.com']},
]

/** The preset of that name, if there is one. */
export function findServicePreset(name: string): ServiceDefinition | undefined {
  return SERVICE_PRESETS.find((preset) => preset.name === name)
}
