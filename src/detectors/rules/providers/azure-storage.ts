import {BASE64} from '../../../lib/random.js'
import type {Rule} from '../../types.js'
import {randomKey, tokenRule} from '../build.js'

/** Azure Storage: its key, from the provider's published format. */
export const AZURE_STORAGE_RULES: readonly Rule[] = [
  tokenRule({
    id: 'azure-storage-account-key',
    provider: 'Azure Storage',
    description: 'An Azure Storage or Cosmos DB account key in a connection string: reads, writes and deletes every blob, queue, table or document of the account.',
    keywords: ['accountkey='],
    body: 'AccountKey=(?<secret>[A-Za-z0-9+/]{86}==)',
    flags: 'i',
    before: '',
    after: '',
    entropy: 3,
    severity: 'critical',
    fake: () => `${randomKey(BASE64, 86)}==`,
    wrap: [(key) => `AZURE_STORAGE_CONNECTION_STRING="DefaultEndpointsProtocol=https;AccountName=acme;AccountKey=${key};EndpointSuffix=core.windows.net"`],
    nonMatches: () => ['DefaultEndpointsProtocol=https;AccountName=acme;AccountKey=<account-key>;EndpointSuffix=core.windows.net'],
  }),
]
