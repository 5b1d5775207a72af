import type {Rule} from '../../types.js'
import {randomKey, tokenRule} from '../build.js'

/** Bech32's data alphabet, upper case as age prints secret keys. */
const BECH32_UPPER = 'QPZRY9X8GF2TVDW0S3JN54KHCE6MUA7L'

/** age: its key, from the provider's published format. */
export const AGE_RULES: readonly Rule[] = [
  tokenRule({
    id: 'age-secret-key',
    provider: 'age',
    description: 'An age identity (private key): decrypts every file encrypted to it.',
    keywords: ['age-secret-key-1'],
    body: `AGE-SECRET-KEY-1[${BECH32_UPPER}]{58}`,
    severity: 'critical',
    fake: () => `AGE-SECRET-KEY-1${randomKey(BECH32_UPPER, 58)}`,
    nonMatches: () => [`AGE-SECRET-KEY-1${randomKey(BECH32_UPPER, 40)}`],
  }),
]
