import {ALNUM} from '../../../lib/random.js'
import type {Rule} from '../../types.js'
import {keyedRule, randomKey} from '../build.js'

/** Zoom: its key, from the provider's published format. */
export const ZOOM_RULES: readonly Rule[] = [
  keyedRule({
    id: 'zoom-client-secret',
    provider: 'Zoom',
    description: 'A Zoom app client secret: obtains tokens that schedule meetings and read recordings for the account.',
    words: 'zoom',
    keywords: ['zoom_', 'zoom-', 'zoom.', 'zoomapi', 'zoomkey', 'zoomtoken', 'zoomsecret', 'zoomauth', 'zoomaccess', 'zoomclient', 'zoomprivate', 'zoomapp', 'zoomwrite', 'zoomrest', 'zoomrecord', 'zoomsdk', 'zoompat', 'zoompassword'],
    value: '[A-Za-z0-9]{32}',
    entropy: 3,
    severity: 'critical',
    fake: () => randomKey(ALNUM, 32),
    secretNameOnly: true,
    exampleName: 'ZOOM_CLIENT_SECRET',
  }),
]
