import {ALNUM} from '../../../lib/random.js'
import type {Rule} from '../../types.js'
import {keyedRule, randomKey} from '../build.js'

/** Hetzner Cloud: its key, from the provider's published format. */
export const HETZNER_CLOUD_RULES: readonly Rule[] = [
  keyedRule({
    id: 'hetzner-cloud-api-token',
    provider: 'Hetzner Cloud',
    description: 'A Hetzner Cloud API token: creates, changes and deletes the project\'s servers.',
    words: 'hetzner|hcloud',
    keywords: ['hetzner', 'hcloud'],
    value: '[A-Za-z0-9]{64}',
    entropy: 3,
    severity: 'critical',
    fake: () => randomKey(ALNUM, 64),
    exampleName: 'HCLOUD_TOKEN',
  }),
]
