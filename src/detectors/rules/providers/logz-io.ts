import type {Rule} from '../../types.js'
import {keyedRule, randomUuid} from '../build.js'

/** Logz.io: its key, from the provider's published format. */
export const LOGZ_IO_RULES: readonly Rule[] = [
  keyedRule({
    id: 'logz-io-token',
    provider: 'Logz.io',
    description: 'A Logz.io shipping or API token: sends logs into, or searches, the account.',
    words: 'logz(?:[_.-]?io)?',
    keywords: ['logz'],
    value: '[A-Za-z]{32}|[a-f0-9]{8}-[a-f0-9]{4}-[a-f0-9]{4}-[a-f0-9]{4}-[a-f0-9]{12}',
    entropy: 3,
    fake: () => randomUuid(),
    secretNameOnly: true,
    exampleName: 'LOGZIO_API_TOKEN',
  }),
]
