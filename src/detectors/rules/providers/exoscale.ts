import {BASE64URL, HEX} from '../../../lib/random.js'
import type {Rule} from '../../types.js'
import {keyedRule, randomKey, tokenRule} from '../build.js'

/** Exoscale: its keys, from the provider's published format. */
export const EXOSCALE_RULES: readonly Rule[] = [
  tokenRule({
    id: 'exoscale-api-key',
    provider: 'Exoscale',
    description: 'An Exoscale API key (EXO…): names the key whose secret usually sits beside it.',
    keywords: ['EXO'],
    body: 'EXO[a-f0-9]{24}',
    before: 'A-Za-z0-9',
    after: 'A-Za-z0-9',
    entropy: 3,
    severity: 'medium',
    fake: () => `EXO${randomKey(HEX, 24)}`,
    nonMatches: () => [`EXO${randomKey(HEX, 12)}`],
  }),
  keyedRule({
    id: 'exoscale-api-secret',
    provider: 'Exoscale',
    description: 'An Exoscale API secret: with its key it manages the organisation\'s cloud resources.',
    words: 'exoscale',
    value: '[A-Za-z0-9_-]{43}',
    entropy: 3.5,
    severity: 'critical',
    fake: () => randomKey(BASE64URL, 43),
    secretNameOnly: true,
    exampleName: 'EXOSCALE_API_SECRET',
  }),
]
