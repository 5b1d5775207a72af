import {HEX} from '../../../lib/random.js'
import type {Rule} from '../../types.js'
import {keyedRule, randomKey} from '../build.js'

/** Mixpanel: its key, from the provider's published format. */
export const MIXPANEL_RULES: readonly Rule[] = [
  keyedRule({
    id: 'mixpanel-api-secret',
    provider: 'Mixpanel',
    description: 'A Mixpanel API secret or service-account secret: exports the project\'s raw events and user profiles.',
    words: 'mixpanel',
    value: '[a-f0-9]{32}|[A-Za-z0-9]{32}',
    entropy: 3,
    fake: () => randomKey(HEX, 32),
    secretNameOnly: true,
    exampleName: 'MIXPANEL_API_SECRET',
  }),
]
