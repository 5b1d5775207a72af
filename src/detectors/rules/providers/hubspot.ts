import type {Rule} from '../../types.js'
import {HEX, randomString} from '../../../lib/random.js'
import {nameRule, prefixRule} from '../build.js'

const uuid = (): string => `${randomString(HEX, 8)}-${randomString(HEX, 4)}-${randomString(HEX, 4)}-${randomString(HEX, 4)}-${randomString(HEX, 12)}`

export const HUBSPOT_RULES: readonly Rule[] = [
  nameRule({
    id: 'hubspot-api-key',
    provider: 'HubSpot',
    description: 'A legacy HubSpot API key (a UUID under a HubSpot name): full CRM access to the portal.',
    keywords: ['hubspot', 'hapikey'],
    names: /(?:^|_)(?:hubspot(?:_[a-z0-9]+)*_(?:api_key|key|token|secret)|hapikey)$/,
    body: '[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}',
    entropy: 3.0,
    severity: 'high',
    envName: 'HUBSPOT_API_KEY',
    fake: uuid,
    nonMatches: () => [`HUBSPOT_PORTAL_ID=${uuid()}`, 'HUBSPOT_API_KEY=00000000-0000-0000-0000-000000000000'],
  }),
  prefixRule({
    id: 'hubspot-private-app-token',
    provider: 'HubSpot',
    description: 'A HubSpot private-app access token (`pat-na1-…`): CRM access within the app’s scopes.',
    keywords: ['pat-na', 'pat-eu', 'pat-ap'],
    body: 'pat-(?:na|eu|ap)\\d-[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}',
    entropy: 3.0,
    severity: 'high',
    envName: 'HUBSPOT_ACCESS_TOKEN',
    fake: () => `pat-na1-${uuid()}`,
    nonMatches: () => [`HUBSPOT_ACCESS_TOKEN=pat-na1-${randomString(HEX, 8)}`, 'HUBSPOT_ACCESS_TOKEN=pat-na1-xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx'],
  }),
]
