import {ALNUM} from '../../../lib/random.js'
import type {Rule} from '../../types.js'
import {keyedRule, randomKey} from '../build.js'

/** Textmagic: its key, from the provider's published format. */
export const TEXTMAGIC_RULES: readonly Rule[] = [
  keyedRule({
    id: 'textmagic-api-key',
    provider: 'Textmagic',
    description: 'A Textmagic API key: sends SMS billed to the account and reads its replies.',
    words: 'text[_.-]?magic',
    keywords: ['textmagic', 'text_magic', 'text-magic', 'text.magic'],
    value: '[A-Za-z0-9]{30}',
    entropy: 3,
    fake: () => randomKey(ALNUM, 30),
    secretNameOnly: true,
    exampleName: 'TEXTMAGIC_API_KEY',
  }),
]
