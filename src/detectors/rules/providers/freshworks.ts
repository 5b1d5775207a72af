import {ALNUM} from '../../../lib/random.js'
import type {Rule} from '../../types.js'
import {keyedRule, randomKey} from '../build.js'

/** Freshworks: its key, from the provider's published format. */
export const FRESHWORKS_RULES: readonly Rule[] = [
  keyedRule({
    id: 'freshworks-api-key',
    provider: 'Freshworks',
    description: 'A Freshdesk, Freshservice or Freshsales API key: reads and changes tickets, contacts and deals as its agent.',
    words: 'fresh(?:desk|service|sales|works|chat|caller)',
    keywords: ['freshdesk', 'freshservice', 'freshsales', 'freshworks', 'freshchat', 'freshcaller'],
    value: '[A-Za-z0-9_-]{20,22}',
    entropy: 3,
    fake: () => randomKey(ALNUM, 20),
    secretNameOnly: true,
    exampleName: 'FRESHDESK_API_KEY',
  }),
]
