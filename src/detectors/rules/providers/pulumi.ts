import {HEX} from '../../../lib/random.js'
import type {Rule} from '../../types.js'
import {randomKey, tokenRule} from '../build.js'

/** Pulumi: its key, from the provider's published format. */
export const PULUMI_RULES: readonly Rule[] = [
  tokenRule({
    id: 'pulumi-api-token',
    provider: 'Pulumi',
    description: 'A Pulumi access token: reads stack state (with its secrets) and runs updates.',
    keywords: ['pul-'],
    body: 'pul-[a-f0-9]{40}',
    entropy: 3,
    severity: 'critical',
    fake: () => `pul-${randomKey(HEX, 40)}`,
    nonMatches: () => [`assets/vipul-${randomKey(HEX, 40)}.png`, `pul-${randomKey(HEX, 20)}`],
  }),
]
