import type {Rule} from '../../types.js'
import {UPPER_ALNUM, keyedRule, randomKey} from '../build.js'

/** Filestack: its key, from the provider's published format. */
export const FILESTACK_RULES: readonly Rule[] = [
  keyedRule({
    id: 'filestack-app-secret',
    provider: 'Filestack',
    description: 'A Filestack app secret: signs upload and read policies for the application\'s files.',
    words: 'filestack',
    value: '[A-Z0-9]{26}',
    entropy: 3,
    fake: () => randomKey(UPPER_ALNUM, 26),
    secretNameOnly: true,
    exampleName: 'FILESTACK_APP_SECRET',
  }),
]
