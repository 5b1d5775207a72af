import {HEX} from '../../../lib/random.js'
import type {Rule} from '../../types.js'
import {keyedRule, randomKey} from '../build.js'

/** TaxJar: its key, from the provider's published format. */
export const TAXJAR_RULES: readonly Rule[] = [
  keyedRule({
    id: 'taxjar-api-token',
    provider: 'TaxJar',
    description: 'A TaxJar API token: reads and changes the business\'s tax transactions.',
    words: 'taxjar|tax[_.-]jar',
    keywords: ['taxjar', 'tax_jar', 'tax-jar', 'tax.jar'],
    value: '[a-f0-9]{32}',
    entropy: 3,
    fake: () => randomKey(HEX, 32),
    exampleName: 'TAXJAR_API_TOKEN',
  }),
]
