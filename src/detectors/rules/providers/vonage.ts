import {ALNUM} from '../../../lib/random.js'
import type {Rule} from '../../types.js'
import {keyedRule, randomKey} from '../build.js'

/** Vonage: its key, from the provider's published format. */
export const VONAGE_RULES: readonly Rule[] = [
  keyedRule({
    id: 'vonage-api-secret',
    provider: 'Vonage',
    description: 'A Vonage (Nexmo) API secret: with its key it sends SMS and places calls billed to the account.',
    words: 'vonage|nexmo',
    keywords: ['vonage', 'nexmo'],
    value: '[A-Za-z0-9]{16}',
    entropy: 3,
    fake: () => randomKey(ALNUM, 16),
    secretNameOnly: true,
    exampleName: 'VONAGE_API_SECRET',
  }),
]
