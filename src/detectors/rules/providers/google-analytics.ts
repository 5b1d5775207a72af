import {BASE64URL} from '../../../lib/random.js'
import type {Rule} from '../../types.js'
import {keyedRule, randomKey} from '../build.js'

/** Google Analytics: its key, from the provider's published format. */
export const GOOGLE_ANALYTICS_RULES: readonly Rule[] = [
  keyedRule({
    id: 'google-analytics-measurement-secret',
    provider: 'Google Analytics',
    description: 'A GA4 Measurement Protocol API secret: sends events into the property, skewing its reports.',
    words: 'measurement[_.-]?protocol|ga4|google[_.-]?analytics',
    keywords: ['measurement_protocol', 'measurement-protocol', 'measurementprotocol', 'ga4', 'google_analytics', 'google-analytics', 'googleanalytics'],
    value: '[A-Za-z0-9_-]{22}',
    entropy: 3,
    severity: 'low',
    fake: () => randomKey(BASE64URL, 22),
    secretNameOnly: true,
    exampleName: 'GA4_API_SECRET',
  }),
]
