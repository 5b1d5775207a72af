import {BASE64URL} from '../../../lib/random.js'
import type {Rule} from '../../types.js'
import {keyedRule, randomKey} from '../build.js'

/** Prismic: its key, from the provider's published format. */
export const PRISMIC_RULES: readonly Rule[] = [
  keyedRule({
    id: 'prismic-access-token',
    provider: 'Prismic',
    description: 'A Prismic access or write token: reads unpublished content or writes the repository\'s documents.',
    words: 'prismic',
    value: '(?:MC5|[A-Za-z0-9]{2})[A-Za-z0-9_.=-]{60,}',
    entropy: 3.5,
    fake: () => `MC5${randomKey(BASE64URL, 80)}`,
    secretNameOnly: true,
    exampleName: 'PRISMIC_ACCESS_TOKEN',
  }),
]
