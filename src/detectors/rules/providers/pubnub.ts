import {ALNUM, HEX} from '../../../lib/random.js'
import type {Rule} from '../../types.js'
import {randomKey, randomUuid, tokenRule} from '../build.js'

/** PubNub: its keys, from the provider's published format. */
export const PUBNUB_RULES: readonly Rule[] = [
  tokenRule({
    id: 'pubnub-secret-key',
    provider: 'PubNub',
    description: 'A PubNub secret key (sec-c-): grants access and signs requests for the keyset.',
    keywords: ['sec-c-'],
    body: 'sec-c-[A-Za-z0-9]{48}',
    entropy: 3,
    severity: 'critical',
    fake: () => `sec-c-${randomKey(ALNUM, 48)}`,
    nonMatches: () => [`sec-c-${randomKey(ALNUM, 20)}`],
  }),
  tokenRule({
    id: 'pubnub-publish-key',
    provider: 'PubNub',
    description: 'A PubNub publish key (pub-c-): sends messages on the keyset\'s channels.',
    keywords: ['pub-c-'],
    body: 'pub-c-[a-f0-9]{8}-[a-f0-9]{4}-[a-f0-9]{4}-[a-f0-9]{4}-[a-f0-9]{12}',
    entropy: 3,
    severity: 'medium',
    fake: () => `pub-c-${randomUuid()}`,
    nonMatches: () => [`pub-c-${randomKey(HEX, 16)}`],
  }),
]
