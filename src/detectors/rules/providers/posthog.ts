import {ALNUM} from '../../../lib/random.js'
import type {Rule} from '../../types.js'
import {randomKey, tokenRule} from '../build.js'

/** PostHog: its keys, from the provider's published format. */
export const POSTHOG_RULES: readonly Rule[] = [
  tokenRule({
    id: 'posthog-personal-api-key',
    provider: 'PostHog',
    description: 'A PostHog personal API key (phx_): reads the organisation\'s events, recordings and persons.',
    keywords: ['phx_'],
    body: 'phx_[A-Za-z0-9]{43}',
    entropy: 3,
    fake: () => `phx_${randomKey(ALNUM, 43)}`,
    nonMatches: () => [`phx_${randomKey(ALNUM, 20)}`],
  }),
  tokenRule({
    id: 'posthog-project-api-key',
    provider: 'PostHog',
    description: 'A PostHog project API key (phc_): sends events to the project; public by design but says which project.',
    keywords: ['phc_'],
    body: 'phc_[A-Za-z0-9]{43}',
    entropy: 3,
    severity: 'low',
    fake: () => `phc_${randomKey(ALNUM, 43)}`,
    nonMatches: () => [`phc_${randomKey(ALNUM, 20)}`],
  }),
]
