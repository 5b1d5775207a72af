import {BASE64URL} from '../../../lib/random.js'
import type {Rule} from '../../types.js'
import {keyedRule, randomKey} from '../build.js'

/** Hygraph: its key, from the provider's published format. */
export const HYGRAPH_RULES: readonly Rule[] = [
  keyedRule({
    id: 'hygraph-auth-token',
    provider: 'Hygraph',
    description: 'A Hygraph permanent auth token: reads and, by its permissions, changes the project\'s content.',
    words: 'hygraph|graphcms',
    keywords: ['hygraph', 'graphcms'],
    value: 'eyJ[A-Za-z0-9_-]{20,}\\.eyJ[A-Za-z0-9_-]{20,}\\.[A-Za-z0-9_-]{20,}',
    entropy: 3.5,
    fake: () => `eyJ${randomKey(BASE64URL, 30)}.eyJ${randomKey(BASE64URL, 200)}.${randomKey(BASE64URL, 86)}`,
    exampleName: 'HYGRAPH_TOKEN',
  }),
]
