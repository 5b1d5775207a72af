import {ALNUM} from '../../../lib/random.js'
import type {Rule} from '../../types.js'
import {keyedRule, randomKey} from '../build.js'

/** Zulip: its key, from the provider's published format. */
export const ZULIP_RULES: readonly Rule[] = [
  keyedRule({
    id: 'zulip-api-key',
    provider: 'Zulip',
    description: 'A Zulip API key: reads and sends messages as the user or bot.',
    words: 'zulip',
    value: '[A-Za-z0-9]{32}',
    entropy: 3,
    fake: () => randomKey(ALNUM, 32),
    secretNameOnly: true,
    exampleName: 'ZULIP_API_KEY',
  }),
]
