import type {Rule} from '../../types.js'
import {HEX, randomString} from '../../../lib/random.js'
import {prefixRule} from '../build.js'

function digitalOceanRule(id: string, prefix: string, description: string): Rule {
  return prefixRule({
    id,
    provider: 'DigitalOcean',
    description,
    keywords: [`${prefix}_v1_`],
    body: `${prefix}_v1_[a-f0-9]{64}`,
    entropy: 3.0,
    severity: 'critical',
    envName: 'DIGITALOCEAN_TOKEN',
    fake: () => `${prefix}_v1_${randomString(HEX, 64)}`,
    nonMatches: () => [`DIGITALOCEAN_TOKEN=${prefix}_v1_${randomString(HEX, 40)}`, `DIGITALOCEAN_TOKEN=${prefix}_v2_${randomString(HEX, 64)}`],
  })
}

export const DIGITALOCEAN_RULES: readonly Rule[] = [
  digitalOceanRule('digitalocean-oauth-token', 'doo', 'A DigitalOcean OAuth access token (`doo_v1_`): acts for the user within the app’s scopes.'),
  digitalOceanRule('digitalocean-pat', 'dop', 'A DigitalOcean personal access token (`dop_v1_`): creates and destroys droplets, databases and DNS.'),
  digitalOceanRule('digitalocean-refresh-token', 'dor', 'A DigitalOcean OAuth refresh token (`dor_v1_`): mints new access tokens.'),
]
