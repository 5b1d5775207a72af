import {BASE64URL} from '../../../lib/random.js'
import type {Rule} from '../../types.js'
import {keyedRule, randomKey} from '../build.js'

/** Wrike: its key, from the provider's published format. */
export const WRIKE_RULES: readonly Rule[] = [
  keyedRule({
    id: 'wrike-access-token',
    provider: 'Wrike',
    description: 'A Wrike permanent access token: reads and changes the account\'s tasks and projects.',
    words: 'wrike',
    value: 'eyJ[A-Za-z0-9_-]{10,}\\.eyJ[A-Za-z0-9_-]{20,}\\.[A-Za-z0-9_-]{20,}',
    entropy: 3.5,
    fake: () => `eyJ${randomKey(BASE64URL, 30)}.eyJ${randomKey(BASE64URL, 120)}.${randomKey(BASE64URL, 43)}`,
    exampleName: 'WRIKE_ACCESS_TOKEN',
  }),
]
