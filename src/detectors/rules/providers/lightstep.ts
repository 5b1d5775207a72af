import {BASE64} from '../../../lib/random.js'
import type {Rule} from '../../types.js'
import {keyedRule, randomKey} from '../build.js'

/** Lightstep: its key, from the provider's published format. */
export const LIGHTSTEP_RULES: readonly Rule[] = [
  keyedRule({
    id: 'lightstep-access-token',
    provider: 'Lightstep',
    description: 'A Lightstep (ServiceNow Cloud Observability) access token: sends traces into the project.',
    words: 'lightstep',
    keywords: ['lightstep'],
    value: '[A-Za-z0-9+/=]{84,}',
    entropy: 3.5,
    severity: 'medium',
    fake: () => randomKey(BASE64, 84),
    secretNameOnly: true,
    exampleName: 'LIGHTSTEP_ACCESS_TOKEN',
  }),
]
