import {ALNUM} from '../../../lib/random.js'
import type {Rule} from '../../types.js'
import {keyedRule, randomKey} from '../build.js'

/** Storyblok: its key, from the provider's published format. */
export const STORYBLOK_RULES: readonly Rule[] = [
  keyedRule({
    id: 'storyblok-access-token',
    provider: 'Storyblok',
    description: 'A Storyblok access or management token: reads drafts or changes the space\'s content.',
    words: 'storyblok',
    value: '[A-Za-z0-9]{22}(?:tt)?|[A-Za-z0-9]{26}-[0-9]+-[A-Za-z0-9_-]{20,}',
    entropy: 3,
    fake: () => `${randomKey(ALNUM, 22)}tt`,
    secretNameOnly: true,
    exampleName: 'STORYBLOK_ACCESS_TOKEN',
  }),
]
