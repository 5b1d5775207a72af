import {ALNUM, HEX} from '../../../lib/random.js'
import type {Rule} from '../../types.js'
import {keyedRule, randomKey, tokenRule} from '../build.js'

/** Adobe: its keys, from the provider's published format. */
export const ADOBE_RULES: readonly Rule[] = [
  keyedRule({
    id: 'adobe-client-id',
    provider: 'Adobe',
    description: 'An Adobe developer client ID: identifies an integration; worth knowing where it is copied.',
    words: 'adobe',
    value: '[a-fA-F0-9]{32}',
    entropy: 3,
    severity: 'low',
    fake: () => randomKey(HEX, 32),
    exampleName: 'ADOBE_CLIENT_ID',
  }),
  tokenRule({
    id: 'adobe-client-secret',
    provider: 'Adobe',
    description: 'An Adobe developer client secret: with the client ID it obtains access tokens for the integration.',
    keywords: ['p8e-'],
    body: 'p8e-[A-Za-z0-9]{32}',
    entropy: 3,
    fake: () => `p8e-${randomKey(ALNUM, 32)}`,
    nonMatches: () => [`p8e-${randomKey(ALNUM, 20)}`],
  }),
]
