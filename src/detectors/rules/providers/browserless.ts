import {ALNUM} from '../../../lib/random.js'
import type {Rule} from '../../types.js'
import {keyedRule, randomKey} from '../build.js'

/** Browserless: its key, from the provider's published format. */
export const BROWSERLESS_RULES: readonly Rule[] = [
  keyedRule({
    id: 'browserless-api-token',
    provider: 'Browserless',
    description: 'A Browserless API token: starts headless browser sessions billed to the account.',
    words: 'browserless',
    value: '[A-Za-z0-9]{48,64}|[a-f0-9]{8}-[a-f0-9]{4}-[a-f0-9]{4}-[a-f0-9]{4}-[a-f0-9]{12}',
    entropy: 3,
    fake: () => randomKey(ALNUM, 54),
    secretNameOnly: true,
    exampleName: 'BROWSERLESS_TOKEN',
  }),
]
