import {BASE64URL} from '../../../lib/random.js'
import type {Rule} from '../../types.js'
import {keyedRule, randomKey} from '../build.js'

/** Bitrise: its key, from the provider's published format. */
export const BITRISE_RULES: readonly Rule[] = [
  keyedRule({
    id: 'bitrise-access-token',
    provider: 'Bitrise',
    description: 'A Bitrise personal access token: starts builds and reads apps and their secrets.',
    words: 'bitrise',
    value: '[A-Za-z0-9_-]{86}',
    entropy: 3.5,
    fake: () => randomKey(BASE64URL, 86),
    exampleName: 'BITRISE_TOKEN',
  }),
]
