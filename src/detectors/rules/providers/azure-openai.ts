import type {Rule} from '../../types.js'
import {ALNUM, HEX, randomString} from '../../../lib/random.js'
import {nameRule} from '../build.js'

export const AZURE_OPENAI_RULES: readonly Rule[] = [
  nameRule({
    id: 'azure-openai-api-key',
    provider: 'Azure OpenAI',
    description:
      'An Azure OpenAI / Azure AI services key (32 hex, or the newer 84-character form): model calls billed to the Azure resource.',
    keywords: ['azure', 'aoai', 'cognitive'],
    names: /(?:^|_)(?:azure|aoai)(?:_[a-z0-9]+)*_(?:api_)?key$|(?:^|_)(?:azure|aoai)_(?:openai|cognitive|ai|speech|search|language|vision)(?:_[a-z0-9]+)*_key(?:_\d)?$/,
    body: '[a-f0-9]{32}|[A-Za-z0-9]{84}',
    entropy: 2.7,
    severity: 'critical',
    envName: 'AZURE_OPENAI_API_KEY',
    fake: () => randomString(HEX, 32),
    nonMatches: () => [
      `AZURE_OPENAI_API_KEY=${randomString(HEX, 31)}`,
      `AZURE_OPENAI_ENDPOINT=https://acme.openai.azure.com/`,
      `AZURE_OPENAI_DEPLOYMENT=${randomString(HEX, 32)}`,
      'AZURE_OPENAI_API_KEY=00000000000000000000000000000000',
      `AZURE_OPENAI_API_KEY=${randomString(ALNUM, 40)}`,
    ],
  }),
]
