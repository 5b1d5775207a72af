import {ALNUM, HEX} from '../../../lib/random.js'
import type {Rule} from '../../types.js'
import {randomKey, tokenRule} from '../build.js'

/** Infracost: its key, from the provider's published format. */
export const INFRACOST_RULES: readonly Rule[] = [
  tokenRule({
    id: 'infracost-api-token',
    provider: 'Infracost',
    description: 'An Infracost API key: prices infrastructure against the organisation\'s account.',
    keywords: ['ico-'],
    body: 'ico-[A-Za-z0-9]{32}',
    before: 'A-Za-z0-9+/_.-',
    entropy: 3.5,
    severity: 'medium',
    fake: () => `ico-${randomKey(ALNUM, 32)}`,
    nonMatches: () => [`assets/video_box.ico-${randomKey(HEX, 32)}.png`, `ico-${randomKey(ALNUM, 20)}`],
  }),
]
