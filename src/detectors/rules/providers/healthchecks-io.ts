import type {Rule} from '../../types.js'
import {randomUuid, tokenRule} from '../build.js'

/** Healthchecks.io: its key, from the provider's published format. */
export const HEALTHCHECKS_IO_RULES: readonly Rule[] = [
  tokenRule({
    id: 'healthchecks-io-ping-url',
    provider: 'Healthchecks.io',
    description: 'A Healthchecks.io ping URL: anyone holding it can mark the check up or down.',
    keywords: ['hc-ping.com'],
    body: 'https://hc-ping\\.com/[a-f0-9]{8}-[a-f0-9]{4}-[a-f0-9]{4}-[a-f0-9]{4}-[a-f0-9]{12}',
    before: '',
    entropy: 3,
    severity: 'low',
    fake: () => `https://hc-ping.com/${randomUuid()}`,
    nonMatches: () => ['https://hc-ping.com/your-uuid-here'],
  }),
]
