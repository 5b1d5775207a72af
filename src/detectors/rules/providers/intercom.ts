import {BASE64URL} from '../../../lib/random.js'
import type {Rule} from '../../types.js'
import {keyedRule, randomKey} from '../build.js'

/** Intercom: its key, from the provider's published format. */
export const INTERCOM_RULES: readonly Rule[] = [
  keyedRule({
    id: 'intercom-api-key',
    provider: 'Intercom',
    description: 'An Intercom access token: reads and messages the workspace\'s contacts.',
    words: 'intercom',
    value: '[A-Za-z0-9=_-]{60}',
    entropy: 3,
    fake: () => randomKey(BASE64URL, 60),
    exampleName: 'INTERCOM_ACCESS_TOKEN',
  }),
]
