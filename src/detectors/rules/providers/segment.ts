import {ALNUM} from '../../../lib/random.js'
import type {Rule} from '../../types.js'
import {keyedRule, randomKey, tokenRule} from '../build.js'

/** Segment: its keys, from the provider's published format. */
export const SEGMENT_RULES: readonly Rule[] = [
  keyedRule({
    id: 'segment-write-key',
    provider: 'Segment',
    description: 'A Segment write key: sends events into the workspace\'s source, and on to every destination.',
    words: 'segment',
    keywords: ['segment_', 'segment-', 'segment.', 'segmentapi', 'segmentkey', 'segmenttoken', 'segmentsecret', 'segmentauth', 'segmentaccess', 'segmentclient', 'segmentprivate', 'segmentapp', 'segmentwrite', 'segmentrest', 'segmentrecord', 'segmentsdk', 'segmentpat', 'segmentpassword'],
    value: '[A-Za-z0-9]{32}',
    entropy: 3,
    severity: 'medium',
    fake: () => randomKey(ALNUM, 32),
    secretNameOnly: true,
    exampleName: 'SEGMENT_WRITE_KEY',
  }),
  tokenRule({
    id: 'segment-public-api-token',
    provider: 'Segment',
    description: 'A Segment Public API token (sgp_): changes the workspace\'s sources, destinations and tracking plans.',
    keywords: ['sgp_'],
    body: 'sgp_[A-Za-z0-9]{64}',
    entropy: 3,
    fake: () => `sgp_${randomKey(ALNUM, 64)}`,
    nonMatches: () => [`sgp_${randomKey(ALNUM, 30)}`],
  }),
]
