import {ALNUM} from '../../../lib/random.js'
import type {Rule} from '../../types.js'
import {keyedRule, randomKey} from '../build.js'

/** Sumo Logic: its keys, from the provider's published format. */
export const SUMO_LOGIC_RULES: readonly Rule[] = [
  keyedRule({
    id: 'sumologic-access-id',
    provider: 'Sumo Logic',
    description: 'A Sumo Logic access ID: half of an access key pair for the account\'s API.',
    words: 'sumo(?:[_.-]?logic)?',
    keywords: ['sumo'],
    value: 'su[A-Za-z0-9]{12}',
    entropy: 3,
    severity: 'low',
    fake: () => `su${randomKey(ALNUM, 12)}`,
    exampleName: 'SUMOLOGIC_ACCESSID',
  }),
  keyedRule({
    id: 'sumologic-access-token',
    provider: 'Sumo Logic',
    description: 'A Sumo Logic access key: queries and configures the account\'s logs as its user.',
    words: 'sumo(?:[_.-]?logic)?',
    keywords: ['sumo'],
    value: '[A-Za-z0-9]{64}',
    entropy: 3,
    fake: () => randomKey(ALNUM, 64),
    exampleName: 'SUMO_ACCESS_KEY',
  }),
]
