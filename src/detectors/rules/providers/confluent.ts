import {ALNUM} from '../../../lib/random.js'
import type {Rule} from '../../types.js'
import {UPPER_ALNUM, keyedRule, randomKey} from '../build.js'

/** Confluent: its keys, from the provider's published format. */
export const CONFLUENT_RULES: readonly Rule[] = [
  keyedRule({
    id: 'confluent-access-token',
    provider: 'Confluent',
    description: 'A Confluent Cloud API key: identifies a credential pair for the Kafka clusters.',
    words: 'confluent',
    value: '[A-Za-z0-9]{16}',
    entropy: 3,
    fake: () => randomKey(UPPER_ALNUM, 16),
    exampleName: 'CONFLUENT_API_KEY',
  }),
  keyedRule({
    id: 'confluent-secret-key',
    provider: 'Confluent',
    description: 'A Confluent Cloud API secret: reads and writes the Kafka clusters it is scoped to.',
    words: 'confluent',
    value: '[A-Za-z0-9+/]{64}',
    entropy: 3,
    fake: () => randomKey(ALNUM, 64),
    exampleName: 'CONFLUENT_API_SECRET',
  }),
]
