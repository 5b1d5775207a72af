import type {Rule} from '../../types.js'
import {LOWER_ALNUM, keyedRule, randomKey} from '../build.js'

/** Split: its key, from the provider's published format. */
export const SPLIT_IO_RULES: readonly Rule[] = [
  keyedRule({
    id: 'split-io-api-key',
    provider: 'Split',
    description: 'A Split (Harness FME) SDK or admin API key: reads or changes the workspace\'s feature flags.',
    words: 'split(?:[_.-]?io)?',
    keywords: ['split_', 'split-', 'split.', 'splitapi', 'splitkey', 'splittoken', 'splitsecret', 'splitauth', 'splitaccess', 'splitclient', 'splitprivate', 'splitapp', 'splitwrite', 'splitrest', 'splitrecord', 'splitsdk', 'splitpat', 'splitpassword'],
    value: '[a-z0-9]{36}',
    entropy: 3,
    fake: () => randomKey(LOWER_ALNUM, 36),
    secretNameOnly: true,
    exampleName: 'SPLIT_API_KEY',
  }),
]
