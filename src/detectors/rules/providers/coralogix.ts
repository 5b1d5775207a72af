import {ALNUM} from '../../../lib/random.js'
import type {Rule} from '../../types.js'
import {keyedRule, randomKey} from '../build.js'

/** Coralogix: its key, from the provider's published format. */
export const CORALOGIX_RULES: readonly Rule[] = [
  keyedRule({
    id: 'coralogix-api-key',
    provider: 'Coralogix',
    description: 'A Coralogix send-your-data or API key: ships logs into, or queries, the team\'s data.',
    words: 'coralogix|cx',
    keywords: ['coralogix'],
    value: '(?:cxtp|cxup)_[A-Za-z0-9]{30,}|[a-f0-9]{8}-[a-f0-9]{4}-[a-f0-9]{4}-[a-f0-9]{4}-[a-f0-9]{12}',
    entropy: 3,
    fake: () => `cxtp_${randomKey(ALNUM, 30)}`,
    secretNameOnly: true,
    exampleName: 'CORALOGIX_API_KEY',
  }),
]
