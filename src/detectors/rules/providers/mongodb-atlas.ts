import {BASE64URL} from '../../../lib/random.js'
import type {Rule} from '../../types.js'
import {UUID, keyedRule, randomKey, randomUuid, tokenRule} from '../build.js'

/** MongoDB Atlas: its keys, from the provider's published format. */
export const MONGODB_ATLAS_RULES: readonly Rule[] = [
  keyedRule({
    id: 'mongodb-atlas-private-key',
    provider: 'MongoDB Atlas',
    description: 'A MongoDB Atlas API private key: with its public key it manages the organisation\'s clusters and users.',
    words: 'mongodb[_.-]?atlas|atlas',
    keywords: ['atlas_', 'atlas-', 'atlas.', 'atlasapi', 'atlaskey', 'atlastoken', 'atlassecret', 'atlasauth', 'atlasaccess', 'atlasclient', 'atlasprivate', 'atlasapp', 'atlaswrite', 'atlasrest', 'atlasrecord', 'atlassdk', 'atlaspat', 'atlaspassword'],
    value: UUID,
    entropy: 3,
    severity: 'critical',
    fake: randomUuid,
    secretNameOnly: true,
    exampleName: 'MONGODB_ATLAS_PRIVATE_KEY',
  }),
  tokenRule({
    id: 'mongodb-atlas-service-account-secret',
    provider: 'MongoDB Atlas',
    description: 'A MongoDB Atlas service account secret (mdb_sa_sk_): manages the organisation\'s clusters and users.',
    keywords: ['mdb_sa_sk_'],
    body: 'mdb_sa_sk_[A-Za-z0-9_-]{40,}',
    entropy: 3,
    severity: 'critical',
    fake: () => `mdb_sa_sk_${randomKey(BASE64URL, 48)}`,
    nonMatches: () => [`mdb_sa_sk_${randomKey(BASE64URL, 16)}`],
  }),
]
