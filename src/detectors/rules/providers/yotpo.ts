import {ALNUM} from '../../../lib/random.js'
import type {Rule} from '../../types.js'
import {keyedRule, randomKey} from '../build.js'

/** Yotpo: its key, from the provider's published format. */
export const YOTPO_RULES: readonly Rule[] = [
  keyedRule({
    id: 'yotpo-secret-key',
    provider: 'Yotpo',
    description: 'A Yotpo API secret: reads and changes the store\'s reviews and loyalty data.',
    words: 'yotpo',
    value: '[A-Za-z0-9]{40}',
    entropy: 3,
    fake: () => randomKey(ALNUM, 40),
    secretNameOnly: true,
    exampleName: 'YOTPO_SECRET_KEY',
  }),
]
