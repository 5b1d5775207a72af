import {HEX} from '../../../lib/random.js'
import type {Rule} from '../../types.js'
import {randomKey, tokenRule} from '../build.js'

/** Flutterwave: its keys, from the provider's published format. */
export const FLUTTERWAVE_RULES: readonly Rule[] = [
  tokenRule({
    id: 'flutterwave-encryption-key',
    provider: 'Flutterwave',
    description: 'A Flutterwave encryption key: encrypts card payloads sent as the merchant.',
    keywords: ['flwseck'],
    body: 'FLWSECK(?:_TEST)?-?[a-z0-9]{12}',
    after: 'A-Za-z0-9_-',
    entropy: 3,
    fake: () => `FLWSECK_TEST${randomKey(HEX, 12)}`,
    nonMatches: () => [`FLWSECK_TEST-${randomKey(HEX, 8)}`],
  }),
  tokenRule({
    id: 'flutterwave-public-key',
    provider: 'Flutterwave',
    description: 'A Flutterwave public key: identifies the merchant; public by design but tied to its secret key.',
    keywords: ['flwpubk'],
    body: 'FLWPUBK(?:_TEST)?-[a-z0-9]{32}-X',
    entropy: 3,
    severity: 'low',
    public: true,
    fake: () => `FLWPUBK_TEST-${randomKey(HEX, 32)}-X`,
    nonMatches: () => [`FLWPUBK_TEST-${randomKey(HEX, 20)}-X`],
  }),
  tokenRule({
    id: 'flutterwave-secret-key',
    provider: 'Flutterwave',
    description: 'A Flutterwave secret key: charges, refunds and transfers as the merchant.',
    keywords: ['flwseck'],
    body: 'FLWSECK(?:_TEST)?-[a-z0-9]{32}-X',
    entropy: 3,
    severity: 'critical',
    fake: () => `FLWSECK-${randomKey(HEX, 32)}-X`,
    nonMatches: () => [`FLWSECK-${randomKey(HEX, 20)}-X`],
  }),
]
