import {BASE64URL} from '../../../lib/random.js'
import type {Rule} from '../../types.js'
import {keyedRule, randomKey} from '../build.js'

/** Apollo GraphQL: its key, from the provider's published format. */
export const APOLLO_GRAPHQL_RULES: readonly Rule[] = [
  keyedRule({
    id: 'apollo-graphql-api-key',
    provider: 'Apollo GraphQL',
    description: 'An Apollo GraphOS API key: publishes schemas and reads metrics for the graph or user.',
    words: 'apollo',
    value: '(?:service|user):[A-Za-z0-9._-]+:[A-Za-z0-9_-]{22}',
    entropy: 3,
    fake: () => `service:my-graph:${randomKey(BASE64URL, 22)}`,
    exampleName: 'APOLLO_KEY',
    nearMisses: () => [`APOLLO_KEY=service:my-graph`],
  }),
]
