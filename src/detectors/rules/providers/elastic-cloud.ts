import {BASE64URL} from '../../../lib/random.js'
import type {Rule} from '../../types.js'
import {keyedRule, randomKey} from '../build.js'

/** Elastic Cloud: its key, from the provider's published format. */
export const ELASTIC_CLOUD_RULES: readonly Rule[] = [
  keyedRule({
    id: 'elastic-cloud-api-key',
    provider: 'Elastic Cloud',
    description: 'An Elastic Cloud or Elasticsearch API key: reads and writes the deployment\'s indices by its privileges.',
    words: 'elastic(?:search)?',
    keywords: ['elastic'],
    value: '[A-Za-z0-9_-]{20}:[A-Za-z0-9_-]{22}|essu_[A-Za-z0-9+/=]{40,}|[A-Za-z0-9+/]{58,}={1,2}',
    entropy: 3.5,
    fake: () => `${randomKey(BASE64URL, 20)}:${randomKey(BASE64URL, 22)}`,
    secretNameOnly: true,
    exampleName: 'ELASTIC_API_KEY',
  }),
]
