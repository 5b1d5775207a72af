import type {ProviderService, Rule} from '../../types.js'
import {ALNUM, BASE64URL, randomString} from '../../../lib/random.js'
import {boundedPattern, secretContexts, shapeContexts} from '../build.js'

/** Base64 of `OpenAI`: OpenAI places it in the middle of every secret key it issues. */
const OPENAI_MARKER = 'T3BlbkFJ'

function modernKey(prefix: string): string {
  return prefix + randomString(BASE64URL, 74) + OPENAI_MARKER + randomString(BASE64URL, 74)
}

function modernRule(id: string, prefix: string, kind: string, description: string): Rule {
  return {
    id,
    provider: 'OpenAI',
    description,
    keywords: [prefix],
    pattern: boundedPattern(`${prefix}[A-Za-z0-9_-]{40,300}`),
    entropy: 4.0,
    severity: 'critical',
    fake: () => modernKey(prefix),
    examples: {
      matches: () => [...secretContexts('OPENAI_API_KEY', modernKey(prefix)), ...shapeContexts(modernKey(prefix))],
      nonMatches: () => [
        `OPENAI_API_KEY=${prefix}your-${kind}-key-here`,
        `OPENAI_API_KEY=${prefix}****${randomString(ALNUM, 4)}`,
        `OPENAI_API_KEY=${prefix}...`,
        `OPENAI_API_KEY=${prefix}${randomString(ALNUM, 12)}`,
        `OPENAI_API_KEY=${prefix.replace('-', '_')}${randomString(BASE64URL, 120)}`,
      ],
    },
  }
}

export const OPENAI_RULES: readonly Rule[] = [
  modernRule('openai-admin-key', 'sk-admin-', 'admin', 'An OpenAI admin key: it manages the whole organisation (users, projects, keys and billing).'),
  {
    id: 'openai-api-key',
    provider: 'OpenAI',
    description: 'A legacy OpenAI user key (`sk-` with the OpenAI marker): full API access billed to the account.',
    keywords: [OPENAI_MARKER.toLowerCase()],
    pattern: boundedPattern(`sk-(?!proj-|svcacct-|admin-|ant-|or-)(?:None-)?[A-Za-z0-9_-]{16,100}${OPENAI_MARKER}[A-Za-z0-9_-]{16,100}`),
    entropy: 3.8,
    severity: 'critical',
    fake: () => `sk-${randomString(ALNUM, 20)}${OPENAI_MARKER}${randomString(ALNUM, 20)}`,
    examples: {
      matches: () => [...secretContexts('OPENAI_API_KEY', `sk-${randomString(ALNUM, 20)}${OPENAI_MARKER}${randomString(ALNUM, 20)}`)],
      nonMatches: () => [
        `OPENAI_API_KEY=sk-${randomString(ALNUM, 48)}`,
        `OPENAI_API_KEY=sk-${randomString(ALNUM, 8)}${OPENAI_MARKER}${randomString(ALNUM, 8)}`,
        `OPENAI_API_KEY=sk-xxxxxxxxxxxxxxxxxxxx${OPENAI_MARKER}xxxxxxxxxxxxxxxxxxxx`,
      ],
    },
  },
  modernRule('openai-project-key', 'sk-proj-', 'project', 'An OpenAI project key: it spends the project’s budget and reads its files, assistants and batches.'),
  modernRule(
    'openai-service-account-key',
    'sk-svcacct-',
    'service',
    'An OpenAI service-account key: a bot identity in a project, not tied to a person, often long-lived.',
  ),
]

/** The broker's built-in service for OpenAI keys: its public API and the way its SDKs send the key. */
export const OPENAI_SERVICE: ProviderService = {
  preset: {name: 'openai', upstream: 'https://api.openai.com', auth: {kind: 'header', header: 'authorization', template: 'Bearer {secret}'}, baseUrlEnv: ['OPENAI_BASE_URL'], baseUrlSuffix: '/v1', hosts: ['api.openai.com']},
}
