import type {Rule} from '../../types.js'
import {LOWER_ALNUM, randomKey, tokenRule} from '../build.js'

/** Helicone: its key, from the provider's published format. */
export const HELICONE_RULES: readonly Rule[] = [
  tokenRule({
    id: 'helicone-api-key',
    provider: 'Helicone',
    description: 'A Helicone API key: reads the organisation\'s logged LLM requests, prompts included.',
    keywords: ['sk-helicone-', 'pk-helicone-'],
    body: '[sp]k-helicone-(?:eu-|cp-)?[a-z0-9]{7}-[a-z0-9]{7}-[a-z0-9]{7}-[a-z0-9]{7}',
    entropy: 3,
    fake: () => `sk-helicone-${[7, 7, 7, 7].map((n) => randomKey(LOWER_ALNUM, n)).join('-')}`,
    nonMatches: () => [`sk-helicone-${randomKey(LOWER_ALNUM, 7)}`],
  }),
]
