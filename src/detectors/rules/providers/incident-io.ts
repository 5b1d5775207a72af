import {BASE64URL} from '../../../lib/random.js'
import type {Rule} from '../../types.js'
import {keyedRule, randomKey} from '../build.js'

/** incident.io: its key, from the provider's published format. */
export const INCIDENT_IO_RULES: readonly Rule[] = [
  keyedRule({
    id: 'incident-io-api-key',
    provider: 'incident.io',
    description: 'An incident.io API key: reads and changes the organisation\'s incidents and catalogue.',
    words: 'incident[_.-]?io',
    keywords: ['incident_io', 'incident-io', 'incidentio', 'incident.io'],
    value: 'inc_[A-Za-z0-9]{40,}|[A-Za-z0-9_-]{40,}',
    entropy: 3.5,
    fake: () => randomKey(BASE64URL, 48),
    secretNameOnly: true,
    exampleName: 'INCIDENT_IO_API_KEY',
  }),
]
