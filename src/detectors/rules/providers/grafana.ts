import {ALNUM, BASE64, HEX} from '../../../lib/random.js'
import type {Rule} from '../../types.js'
import {randomKey, tokenRule} from '../build.js'

/** Grafana: its keys, from the provider's published format. */
export const GRAFANA_RULES: readonly Rule[] = [
  tokenRule({
    id: 'grafana-api-key',
    provider: 'Grafana',
    description: 'A Grafana API key (legacy, base64 JSON): acts on the Grafana instance with its role.',
    keywords: ['eyjrijoi'],
    body: 'eyJrIjoi[A-Za-z0-9+/]{70,400}={0,3}',
    entropy: 3.5,
    fake: () => `eyJrIjoi${randomKey(BASE64, 90)}`,
    nonMatches: () => [`eyJrIjoi${randomKey(BASE64, 30)}`],
  }),
  tokenRule({
    id: 'grafana-cloud-api-token',
    provider: 'Grafana',
    description: 'A Grafana Cloud access policy token: pushes and queries the stack\'s metrics and logs.',
    keywords: ['glc_'],
    body: 'glc_[A-Za-z0-9+/]{32,400}={0,3}',
    entropy: 3.5,
    fake: () => `glc_${randomKey(BASE64, 120)}`,
    nonMatches: () => ['static void GLC_CreateLightmapTextureArray(void);', `glc_${randomKey(ALNUM, 20)}`],
  }),
  tokenRule({
    id: 'grafana-service-account-token',
    provider: 'Grafana',
    description: 'A Grafana service account token: acts on the Grafana instance with the account\'s role.',
    keywords: ['glsa_'],
    body: 'glsa_[A-Za-z0-9]{32}_[A-Fa-f0-9]{8}',
    entropy: 3.5,
    fake: () => `glsa_${randomKey(ALNUM, 32)}_${randomKey(HEX, 8)}`,
    nonMatches: () => [`glsa_${randomKey(ALNUM, 32)}`],
  }),
]
