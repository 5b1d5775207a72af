import {DIGITS, HEX} from '../../../lib/random.js'
import type {Rule} from '../../types.js'
import {randomKey, randomUuid, tokenRule} from '../build.js'

/** Mercado Pago: its key, from the provider's published format. */
export const MERCADO_PAGO_RULES: readonly Rule[] = [
  tokenRule({
    id: 'mercado-pago-access-token',
    provider: 'Mercado Pago',
    description: 'A Mercado Pago access token (APP_USR-/TEST-): takes payments and refunds as the seller.',
    keywords: ['APP_USR-', 'TEST-'],
    body: '(?:APP_USR|TEST)-[0-9]{16}-[0-9]{6}-[a-f0-9]{32}-[0-9]{6,10}',
    entropy: 3,
    severity: 'critical',
    fake: () => `APP_USR-${randomKey(DIGITS, 16)}-${randomKey(DIGITS, 6)}-${randomKey(HEX, 32)}-${randomKey(DIGITS, 9)}`,
    nonMatches: () => [`APP_USR-${randomKey(DIGITS, 16)}-${randomKey(DIGITS, 6)}`, `APP_USR-${randomUuid()}`],
  }),
]
