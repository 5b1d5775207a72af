import {HEX} from '../../../lib/random.js'
import type {Rule} from '../../types.js'
import {keyedRule, randomKey, tokenRule} from '../build.js'

/** Buildkite: its keys, from the provider's published format. */
export const BUILDKITE_RULES: readonly Rule[] = [
  tokenRule({
    id: 'buildkite-api-token',
    provider: 'Buildkite',
    description: 'A Buildkite API access token (bkua_): triggers builds and reads pipelines as its user.',
    keywords: ['bkua_'],
    body: 'bkua_[a-f0-9]{40}',
    entropy: 3,
    fake: () => `bkua_${randomKey(HEX, 40)}`,
    nonMatches: () => [`bkua_${randomKey(HEX, 20)}`],
  }),
  keyedRule({
    id: 'buildkite-agent-token',
    provider: 'Buildkite',
    description: 'A Buildkite agent token: registers agents that receive the organisation\'s jobs and secrets.',
    words: 'buildkite',
    value: '(?:bkct_)?[a-f0-9]{50}',
    entropy: 3,
    fake: () => randomKey(HEX, 50),
    exampleName: 'BUILDKITE_AGENT_TOKEN',
  }),
]
