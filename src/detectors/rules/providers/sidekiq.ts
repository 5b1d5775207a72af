import {HEX} from '../../../lib/random.js'
import type {Rule} from '../../types.js'
import {keyedRule, randomKey, tokenRule} from '../build.js'

/** Sidekiq: its keys, from the provider's published format. */
export const SIDEKIQ_RULES: readonly Rule[] = [
  keyedRule({
    id: 'sidekiq-secret',
    provider: 'Sidekiq',
    description: 'A Sidekiq Pro/Enterprise gem server credential: downloads the licensed gems.',
    words: 'bundle_(?:enterprise|gems)__contribsys__com',
    keywords: ['contribsys__com'],
    value: '[a-fA-F0-9]{8}:[a-fA-F0-9]{8}',
    severity: 'medium',
    fake: () => `${randomKey(HEX, 8)}:${randomKey(HEX, 8)}`,
    exampleName: 'BUNDLE_ENTERPRISE__CONTRIBSYS__COM',
  }),
  tokenRule({
    id: 'sidekiq-sensitive-url',
    provider: 'Sidekiq',
    description: 'A Sidekiq Pro/Enterprise gem server URL with its credential: downloads the licensed gems.',
    keywords: ['contribsys.com'],
    body: 'https?://(?<secret>[a-fA-F0-9]{8}:[a-fA-F0-9]{8})@(?:gems|enterprise)\\.contribsys\\.com',
    before: '',
    after: '',
    severity: 'medium',
    fake: () => `${randomKey(HEX, 8)}:${randomKey(HEX, 8)}`,
    wrap: [(pair) => `source "https://${pair}@gems.contribsys.com/"`],
    nonMatches: () => ['source "https://gems.contribsys.com/"'],
  }),
]
