import {HEX} from '../../../lib/random.js'
import type {Rule} from '../../types.js'
import {keyedRule, randomKey} from '../build.js'

/** Crisp: its key, from the provider's published format. */
export const CRISP_RULES: readonly Rule[] = [
  keyedRule({
    id: 'crisp-plugin-key',
    provider: 'Crisp',
    description: 'A Crisp plugin token key: reads and answers the website\'s chat conversations.',
    words: 'crisp',
    keywords: ['crisp_', 'crisp-', 'crisp.', 'crispapi', 'crispkey', 'crisptoken', 'crispsecret', 'crispauth', 'crispaccess', 'crispclient', 'crispprivate', 'crispapp', 'crispwrite', 'crisprest', 'crisprecord', 'crispsdk', 'crisppat', 'crisppassword'],
    value: '[a-f0-9]{64}',
    entropy: 3,
    fake: () => randomKey(HEX, 64),
    secretNameOnly: true,
    exampleName: 'CRISP_TOKEN_KEY',
  }),
]
