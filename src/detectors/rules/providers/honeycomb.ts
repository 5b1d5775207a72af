import {ALNUM} from '../../../lib/random.js'
import type {Rule} from '../../types.js'
import {LOWER_ALNUM, keyedRule, randomKey, tokenRule} from '../build.js'

/** Honeycomb: its keys, from the provider's published format. */
export const HONEYCOMB_RULES: readonly Rule[] = [
  tokenRule({
    id: 'honeycomb-ingest-key',
    provider: 'Honeycomb',
    description: 'A Honeycomb ingest key (hcaik_/hcxik_): sends events into the environment.',
    keywords: ['hcaik_', 'hcxik_'],
    body: 'hc[ax]ik_[a-z0-9]{58}',
    entropy: 3,
    severity: 'medium',
    fake: () => `hcaik_${randomKey(LOWER_ALNUM, 58)}`,
    nonMatches: () => [`hcaik_${randomKey(LOWER_ALNUM, 30)}`],
  }),
  keyedRule({
    id: 'honeycomb-api-key',
    provider: 'Honeycomb',
    description: 'A Honeycomb configuration API key: reads the environment\'s data and changes its boards and triggers.',
    words: 'honeycomb',
    value: '[A-Za-z0-9]{22}|[a-f0-9]{32}',
    entropy: 3,
    fake: () => randomKey(ALNUM, 22),
    exampleName: 'HONEYCOMB_API_KEY',
  }),
]
