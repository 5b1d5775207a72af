import {ALNUM} from '../../../lib/random.js'
import type {Rule} from '../../types.js'
import {keyedRule, randomKey} from '../build.js'

/** CrowdStrike: its key, from the provider's published format. */
export const CROWDSTRIKE_RULES: readonly Rule[] = [
  keyedRule({
    id: 'crowdstrike-client-secret',
    provider: 'CrowdStrike',
    description: 'A CrowdStrike Falcon API client secret: reads detections and, by its scopes, acts on the fleet\'s hosts.',
    words: 'crowdstrike|falcon',
    keywords: ['crowdstrike', 'falcon'],
    value: '[A-Za-z0-9]{40}',
    entropy: 3,
    severity: 'critical',
    fake: () => randomKey(ALNUM, 40),
    secretNameOnly: true,
    exampleName: 'FALCON_CLIENT_SECRET',
  }),
]
