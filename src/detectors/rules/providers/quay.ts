import type {Rule} from '../../types.js'
import {UPPER_ALNUM, keyedRule, randomKey} from '../build.js'

/** Quay: its key, from the provider's published format. */
export const QUAY_RULES: readonly Rule[] = [
  keyedRule({
    id: 'quay-robot-token',
    provider: 'Quay',
    description: 'A Quay.io robot or OAuth token: pulls and pushes the organisation\'s container images.',
    words: 'quay',
    value: '[A-Z0-9]{64}|[A-Za-z0-9]{40}',
    entropy: 3,
    fake: () => randomKey(UPPER_ALNUM, 64),
    secretNameOnly: true,
    exampleName: 'QUAY_TOKEN',
  }),
]
