import {ALNUM} from '../../../lib/random.js'
import type {Rule} from '../../types.js'
import {keyedRule, randomKey} from '../build.js'

/** Feishu: its key, from the provider's published format. */
export const FEISHU_RULES: readonly Rule[] = [
  keyedRule({
    id: 'feishu-app-secret',
    provider: 'Feishu',
    description: 'A Feishu (Lark) app secret: obtains tokens that read and send the tenant\'s messages and documents.',
    words: 'feishu|lark(?:suite)?',
    keywords: ['feishu', 'lark'],
    value: '[A-Za-z0-9]{32}',
    entropy: 3,
    fake: () => randomKey(ALNUM, 32),
    secretNameOnly: true,
    exampleName: 'FEISHU_APP_SECRET',
  }),
]
