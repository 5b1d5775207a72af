import {HEX} from '../../../lib/random.js'
import type {Rule} from '../../types.js'
import {keyedRule, randomKey} from '../build.js'

/** Vimeo: its key, from the provider's published format. */
export const VIMEO_RULES: readonly Rule[] = [
  keyedRule({
    id: 'vimeo-access-token',
    provider: 'Vimeo',
    description: 'A Vimeo access token: uploads, changes and deletes the account\'s videos.',
    words: 'vimeo',
    value: '[a-f0-9]{32}',
    entropy: 3,
    fake: () => randomKey(HEX, 32),
    secretNameOnly: true,
    exampleName: 'VIMEO_ACCESS_TOKEN',
  }),
]
