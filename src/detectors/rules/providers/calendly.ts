import {BASE64URL} from '../../../lib/random.js'
import type {Rule} from '../../types.js'
import {keyedRule, randomKey} from '../build.js'

/** Calendly: its key, from the provider's published format. */
export const CALENDLY_RULES: readonly Rule[] = [
  keyedRule({
    id: 'calendly-api-token',
    provider: 'Calendly',
    description: 'A Calendly personal access token: reads and changes the user\'s event types and bookings.',
    words: 'calendly',
    value: 'eyJ[A-Za-z0-9_-]{10,}\\.eyJ[A-Za-z0-9_-]{20,}\\.[A-Za-z0-9_-]{20,}',
    entropy: 3.5,
    fake: () => `eyJ${randomKey(BASE64URL, 30)}.eyJ${randomKey(BASE64URL, 120)}.${randomKey(BASE64URL, 43)}`,
    exampleName: 'CALENDLY_API_TOKEN',
  }),
]
