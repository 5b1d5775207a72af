import {BASE64} from '../../../lib/random.js'
import type {Rule} from '../../types.js'
import {keyedRule, randomKey} from '../build.js'

/** Acquia: its key, from the provider's published format. */
export const ACQUIA_RULES: readonly Rule[] = [
  keyedRule({
    id: 'acquia-api-secret',
    provider: 'Acquia',
    description: 'An Acquia Cloud API secret: with its key it deploys and changes the subscription\'s Drupal sites.',
    words: 'acquia',
    value: '[A-Za-z0-9+/=]{40,}',
    entropy: 3.5,
    fake: () => randomKey(BASE64, 44),
    secretNameOnly: true,
    exampleName: 'ACQUIA_SECRET',
  }),
]
