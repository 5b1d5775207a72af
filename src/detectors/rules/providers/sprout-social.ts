import {BASE64URL} from '../../../lib/random.js'
import type {Rule} from '../../types.js'
import {keyedRule, randomKey} from '../build.js'

/** Sprout Social: its key, from the provider's published format. */
export const SPROUT_SOCIAL_RULES: readonly Rule[] = [
  keyedRule({
    id: 'sprout-social-api-token',
    provider: 'Sprout Social',
    description: 'A Sprout Social API token: reads and publishes the customer\'s social profiles\' posts.',
    words: 'sprout(?:[_.-]?social)?',
    keywords: ['sprout'],
    value: '[A-Za-z0-9_-]{40,}',
    entropy: 3.5,
    fake: () => randomKey(BASE64URL, 48),
    secretNameOnly: true,
    exampleName: 'SPROUT_SOCIAL_API_TOKEN',
  }),
]
