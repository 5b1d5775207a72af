import {BASE64URL, HEX} from '../../../lib/random.js'
import type {Rule} from '../../types.js'
import {keyedRule, randomKey, randomUuid, tokenRule} from '../build.js'

/** HighLevel: its keys, from the provider's published format. */
export const HIGHLEVEL_RULES: readonly Rule[] = [
  tokenRule({
    id: 'highlevel-private-integration-token',
    provider: 'HighLevel',
    description: 'A HighLevel (GoHighLevel) private integration token (pit-): reads and changes the agency\'s or location\'s contacts and campaigns.',
    keywords: ['pit-'],
    body: 'pit-[a-f0-9]{8}-[a-f0-9]{4}-[a-f0-9]{4}-[a-f0-9]{4}-[a-f0-9]{12}',
    entropy: 3,
    severity: 'critical',
    fake: () => `pit-${randomUuid()}`,
    nonMatches: () => [`pit-${randomKey(HEX, 32)}`],
  }),
  keyedRule({
    id: 'highlevel-api-key',
    provider: 'HighLevel',
    description: 'A HighLevel location or agency API key (JWT): reads and changes the account\'s contacts and campaigns.',
    words: 'highlevel|ghl|go[_.-]?high[_.-]?level',
    keywords: ['highlevel', 'ghl', 'gohighlevel', 'high_level', 'high-level'],
    value: 'eyJ[A-Za-z0-9_-]{10,}\\.eyJ[A-Za-z0-9_-]{20,}\\.[A-Za-z0-9_-]{20,}',
    entropy: 3.5,
    severity: 'critical',
    fake: () => `eyJ${randomKey(BASE64URL, 30)}.eyJ${randomKey(BASE64URL, 120)}.${randomKey(BASE64URL, 43)}`,
    secretNameOnly: true,
    exampleName: 'GHL_API_KEY',
  }),
]
