import type {Rule} from '../../types.js'
import {UUID, keyedRule, randomUuid} from '../build.js'

/** LaunchDarkly: its key, from the provider's published format. */
export const LAUNCHDARKLY_RULES: readonly Rule[] = [
  keyedRule({
    id: 'launchdarkly-access-token',
    provider: 'LaunchDarkly',
    description: 'A LaunchDarkly API access token or SDK key: reads or flips the project\'s feature flags.',
    words: 'launch[_.-]?darkly',
    keywords: ['launchdarkly', 'launch_darkly', 'launch-darkly'],
    value: `[A-Za-z0-9=_-]{40}|(?:api|sdk|mob)-${UUID}`,
    entropy: 3,
    fake: () => `api-${randomUuid()}`,
    exampleName: 'LAUNCHDARKLY_ACCESS_TOKEN',
  }),
]
