import type {ProviderService, Rule} from '../../types.js'
import {ALNUM, BASE64, randomFraction, randomString} from '../../../lib/random.js'
import {prefixRule} from '../build.js'

const stripeKey = (kind: string, mode = 'live'): string => `${kind}_${mode}_51${randomString(ALNUM, 22)}${randomString(ALNUM, 75)}`

export const STRIPE_RULES: readonly Rule[] = [
  prefixRule({
    id: 'stripe-publishable-key',
    provider: 'Stripe',
    description:
      'A Stripe publishable key (`pk_`): public by design (it ships in web pages), reported low so a wrong-account copy is still visible.',
    keywords: ['pk_live_', 'pk_test_'],
    body: 'pk_(?:live|test)_[A-Za-z0-9]{20,247}',
    entropy: 3.5,
    severity: 'low',
    public: true,
    envName: 'STRIPE_PUBLISHABLE_KEY',
    fake: () => stripeKey('pk'),
    nonMatches: () => ['STRIPE_PUBLISHABLE_KEY=pk_live_xxxxxxxxxxxxxxxxxxxxxxxx', `STRIPE_PUBLISHABLE_KEY=pk_live_${randomString(ALNUM, 10)}`],
  }),
  prefixRule({
    id: 'stripe-restricted-key',
    provider: 'Stripe',
    description: 'A Stripe restricted key (`rk_`): API access limited to the permissions it was given, often still payments.',
    keywords: ['rk_live_', 'rk_test_'],
    body: 'rk_(?:live|test)_[A-Za-z0-9]{20,247}',
    entropy: 3.5,
    severity: 'critical',
    envName: 'STRIPE_RESTRICTED_KEY',
    fake: () => stripeKey('rk'),
    nonMatches: () => ['STRIPE_RESTRICTED_KEY=rk_live_...', `STRIPE_RESTRICTED_KEY=rk_prod_${randomString(ALNUM, 30)}`],
  }),
  prefixRule({
    id: 'stripe-secret-key',
    provider: 'Stripe',
    description:
      'A Stripe secret key (`sk_live_` moves real money; `sk_test_` reads and writes the test-mode account and is still a secret).',
    keywords: ['sk_live_', 'sk_test_'],
    body: 'sk_(?:live|test)_[A-Za-z0-9]{20,247}',
    entropy: 3.5,
    severity: 'critical',
    envName: 'STRIPE_SECRET_KEY',
    fake: () => stripeKey('sk', randomFraction() < 0.5 ? 'live' : 'test'),
    nonMatches: () => [
      'STRIPE_SECRET_KEY=sk_live_****************************1234',
      'STRIPE_SECRET_KEY=sk_test_your_secret_key_here',
      `STRIPE_SECRET_KEY=sk_live_${randomString(ALNUM, 12)}`,
      `nonMatchingToken := "task_test_${randomString(ALNUM, 30).toLowerCase()}"`,
    ],
  }),
  prefixRule({
    id: 'stripe-webhook-secret',
    provider: 'Stripe',
    description: 'A Stripe webhook signing secret (`whsec_`): lets anyone forge Stripe events to the endpoint.',
    keywords: ['whsec_'],
    body: 'whsec_[A-Za-z0-9+/=]{32,64}',
    entropy: 3.5,
    severity: 'high',
    envName: 'STRIPE_WEBHOOK_SECRET',
    fake: () => `whsec_${randomString(BASE64.replace(/[+/]/g, ''), 32)}`,
    nonMatches: () => ['STRIPE_WEBHOOK_SECRET=whsec_...', `STRIPE_WEBHOOK_SECRET=whsec_${randomString(ALNUM, 12)}`],
  }),
]

/** The broker's built-in service for Stripe keys: its public API and the way its SDKs send the key. */
export const STRIPE_SERVICE: ProviderService = {
  preset: {name: 'stripe', upstream: 'https://api.stripe.com', auth: {kind: 'header', header: 'authorization', template: 'Bearer {secret}'}, baseUrlEnv: ['STRIPE_API_BASE'], baseUrlSuffix: '', hosts: ['api.stripe.com']},
}
