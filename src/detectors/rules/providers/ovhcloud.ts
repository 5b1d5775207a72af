import {ALNUM} from '../../../lib/random.js'
import type {Rule} from '../../types.js'
import {keyedRule, randomKey} from '../build.js'

/** OVHcloud: its key, from the provider's published format. */
export const OVHCLOUD_RULES: readonly Rule[] = [
  keyedRule({
    id: 'ovhcloud-application-secret',
    provider: 'OVHcloud',
    description: 'An OVHcloud application secret: with its consumer key it calls the account\'s API.',
    words: 'ovh(?:cloud)?',
    keywords: ['ovh'],
    value: '[A-Za-z0-9]{32}',
    entropy: 3,
    severity: 'high',
    fake: () => randomKey(ALNUM, 32),
    secretNameOnly: true,
    exampleName: 'OVH_APPLICATION_SECRET',
  }),
]
