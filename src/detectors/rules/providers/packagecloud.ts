import {HEX} from '../../../lib/random.js'
import type {Rule} from '../../types.js'
import {keyedRule, randomKey} from '../build.js'

/** Packagecloud: its key, from the provider's published format. */
export const PACKAGECLOUD_RULES: readonly Rule[] = [
  keyedRule({
    id: 'packagecloud-api-token',
    provider: 'Packagecloud',
    description: 'A packagecloud API token: pushes and deletes packages in the user\'s repositories.',
    words: 'packagecloud',
    value: '[a-f0-9]{48}',
    entropy: 3,
    fake: () => randomKey(HEX, 48),
    exampleName: 'PACKAGECLOUD_TOKEN',
  }),
]
