import {ALNUM} from '../../../lib/random.js'
import type {Rule} from '../../types.js'
import {randomKey, tokenRule} from '../build.js'

/** Trigger.dev: its key, from the provider's published format. */
export const TRIGGER_DEV_RULES: readonly Rule[] = [
  tokenRule({
    id: 'trigger-dev-secret-key',
    provider: 'Trigger.dev',
    description: 'A Trigger.dev secret key (tr_prod_/tr_dev_/tr_stg_): triggers the project\'s background tasks and reads their runs.',
    keywords: ['tr_prod_', 'tr_dev_', 'tr_stg_'],
    body: 'tr_(?:prod|dev|stg)_[A-Za-z0-9]{20}',
    entropy: 3,
    fake: () => `tr_prod_${randomKey(ALNUM, 20)}`,
    nonMatches: () => [`tr_prod_${randomKey(ALNUM, 10)}`],
  }),
]
