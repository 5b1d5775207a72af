import {BASE64} from '../../../lib/random.js'
import type {Rule} from '../../types.js'
import {randomKey, tokenRule} from '../build.js'

/** Azure Service Bus: its key, from the provider's published format. */
export const AZURE_SERVICE_BUS_RULES: readonly Rule[] = [
  tokenRule({
    id: 'azure-shared-access-key',
    provider: 'Azure Service Bus',
    description: 'An Azure Service Bus, Event Hubs or IoT Hub shared access key in a connection string: sends and receives the namespace\'s messages.',
    keywords: ['sharedaccesskey='],
    body: 'SharedAccessKey=(?<secret>[A-Za-z0-9+/]{43}=)',
    flags: 'i',
    before: '',
    after: '',
    entropy: 3,
    severity: 'critical',
    fake: () => `${randomKey(BASE64, 43)}=`,
    wrap: [(key) => `SERVICEBUS_CONNECTION="Endpoint=sb://acme.servicebus.windows.net/;SharedAccessKeyName=RootManageSharedAccessKey;SharedAccessKey=${key}"`],
    nonMatches: () => ['Endpoint=sb://acme.servicebus.windows.net/;SharedAccessKeyName=Root;SharedAccessKey=<key>'],
  }),
]
