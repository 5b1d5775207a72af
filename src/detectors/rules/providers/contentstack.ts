import {HEX} from '../../../lib/random.js'
import type {Rule} from '../../types.js'
import {keyedRule, randomKey} from '../build.js'

/** Contentstack: its key, from the provider's published format. */
export const CONTENTSTACK_RULES: readonly Rule[] = [
  keyedRule({
    id: 'contentstack-management-token',
    provider: 'Contentstack',
    description: 'A Contentstack management or delivery token: changes, or reads, the stack\'s content.',
    words: 'contentstack',
    value: 'cs[a-f0-9]{32}',
    entropy: 3,
    fake: () => `cs${randomKey(HEX, 32)}`,
    exampleName: 'CONTENTSTACK_MANAGEMENT_TOKEN',
  }),
]
