import {HEX} from '../../../lib/random.js'
import type {Rule} from '../../types.js'
import {keyedRule, randomKey} from '../build.js'

/** Sinch: its key, from the provider's published format. */
export const SINCH_RULES: readonly Rule[] = [
  keyedRule({
    id: 'sinch-api-token',
    provider: 'Sinch',
    description: 'A Sinch SMS API token or key secret: sends messages billed to the account.',
    words: 'sinch',
    value: '[a-f0-9]{32}|[A-Za-z0-9_~.-]{26,}',
    entropy: 3.5,
    fake: () => randomKey(HEX, 32),
    secretNameOnly: true,
    exampleName: 'SINCH_API_TOKEN',
  }),
]
