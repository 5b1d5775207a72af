import type {Rule} from '../../types.js'
import {HEX, randomString} from '../../../lib/random.js'
import {prefixRule} from '../build.js'

function shopifyRule(id: string, prefix: string, envName: string, description: string): Rule {
  return prefixRule({
    id,
    provider: 'Shopify',
    description,
    keywords: [`${prefix}_`],
    body: `${prefix}_[a-fA-F0-9]{32}`,
    entropy: 2.7,
    severity: 'high',
    envName,
    fake: () => `${prefix}_${randomString(HEX, 32)}`,
    nonMatches: () => [`${envName}=${prefix}_${randomString(HEX, 20)}`, `${envName}=${prefix}_${'x'.repeat(32)}`, `${envName}=${prefix}_${randomString(HEX, 40)}`],
  })
}

export const SHOPIFY_RULES: readonly Rule[] = [
  shopifyRule('shopify-access-token', 'shpat', 'SHOPIFY_ACCESS_TOKEN', 'A Shopify Admin API access token (`shpat_`): reads and changes the store’s orders, customers and products.'),
  shopifyRule('shopify-custom-app-token', 'shpca', 'SHOPIFY_ACCESS_TOKEN', 'A Shopify custom-app access token (`shpca_`): Admin API access within the app’s scopes.'),
  shopifyRule('shopify-private-app-token', 'shppa', 'SHOPIFY_PASSWORD', 'A Shopify legacy private-app password (`shppa_`): Admin API access to the store.'),
  shopifyRule('shopify-shared-secret', 'shpss', 'SHOPIFY_API_SECRET', 'A Shopify app shared secret (`shpss_`): signs and verifies the app’s webhooks and OAuth.'),
]
