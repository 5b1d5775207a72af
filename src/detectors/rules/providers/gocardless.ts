import {BASE64URL} from '../../../lib/random.js'
import type {Rule} from '../../types.js'
import {keyedRule, randomKey} from '../build.js'

/** GoCardless: its key, from the provider's published format. */
export const GOCARDLESS_RULES: readonly Rule[] = [
  keyedRule({
    id: 'gocardless-api-token',
    provider: 'GoCardless',
    description: 'A GoCardless access token: collects payments from the merchant\'s customers.',
    words: 'go[_.-]?cardless',
    keywords: ['gocardless', 'go_cardless', 'go-cardless'],
    value: '(?:live|sandbox)_[A-Za-z0-9=_-]{40}',
    entropy: 3,
    severity: 'critical',
    fake: () => `live_${randomKey(BASE64URL, 40)}`,
    exampleName: 'GOCARDLESS_ACCESS_TOKEN',
  }),
]
