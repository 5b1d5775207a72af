import {HEX} from '../../../lib/random.js'
import type {Rule} from '../../types.js'
import {keyedRule, randomKey} from '../build.js'

/** Loops: its key, from the provider's published format. */
export const LOOPS_RULES: readonly Rule[] = [
  keyedRule({
    id: 'loops-api-key',
    provider: 'Loops',
    description: 'A Loops API key: sends e-mail and changes the team\'s contacts.',
    words: 'loops',
    keywords: ['loops_', 'loops-', 'loops.', 'loopsapi', 'loopskey', 'loopstoken', 'loopssecret', 'loopsauth', 'loopsaccess', 'loopsclient', 'loopsprivate', 'loopsapp', 'loopswrite', 'loopsrest', 'loopsrecord', 'loopssdk', 'loopspat', 'loopspassword'],
    value: '[a-f0-9]{32}',
    entropy: 3,
    fake: () => randomKey(HEX, 32),
    secretNameOnly: true,
    exampleName: 'LOOPS_API_KEY',
  }),
]
