import {BASE64} from '../../../lib/random.js'
import type {Rule} from '../../types.js'
import {randomKey, tokenRule} from '../build.js'

/** Azure Communication Services: its key, from the provider's published format. */
export const AZURE_COMMUNICATION_SERVICES_RULES: readonly Rule[] = [
  tokenRule({
    id: 'azure-communication-access-key',
    provider: 'Azure Communication Services',
    description: 'An Azure Communication Services access key in a connection string: sends SMS, e-mail and calls billed to the resource.',
    keywords: ['communication.azure.com'],
    body: 'endpoint=https://[a-z0-9-]+\\.(?:[a-z]+\\.)?communication\\.azure\\.com/?;accesskey=(?<secret>[A-Za-z0-9+/]{43,86}={0,2})',
    flags: 'i',
    before: '',
    after: '',
    entropy: 3,
    severity: 'critical',
    fake: () => `${randomKey(BASE64, 86)}==`,
    wrap: [(key) => `ACS_CONNECTION_STRING=endpoint=https://acme.communication.azure.com/;accesskey=${key}`],
    nonMatches: () => ['endpoint=https://acme.communication.azure.com/;accesskey=<key>'],
  }),
]
