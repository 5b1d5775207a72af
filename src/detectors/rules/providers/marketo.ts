import {ALNUM} from '../../../lib/random.js'
import type {Rule} from '../../types.js'
import {keyedRule, randomKey} from '../build.js'

/** Marketo: its key, from the provider's published format. */
export const MARKETO_RULES: readonly Rule[] = [
  keyedRule({
    id: 'marketo-client-secret',
    provider: 'Marketo',
    description: 'An Adobe Marketo API client secret: reads and changes the instance\'s leads and programs.',
    words: 'marketo|mkto',
    keywords: ['marketo', 'mkto'],
    value: '[A-Za-z0-9]{32}',
    entropy: 3,
    fake: () => randomKey(ALNUM, 32),
    secretNameOnly: true,
    exampleName: 'MARKETO_CLIENT_SECRET',
  }),
]
