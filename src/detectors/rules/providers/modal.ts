import {ALNUM} from '../../../lib/random.js'
import type {Rule} from '../../types.js'
import {keyedRule, randomKey} from '../build.js'

/** Modal: its keys, from the provider's published format. */
export const MODAL_RULES: readonly Rule[] = [
  keyedRule({
    id: 'modal-token-secret',
    provider: 'Modal',
    description: 'A Modal token secret (as-): with its token id it deploys and runs code on the workspace\'s bill.',
    words: 'modal',
    keywords: ['modal_', 'modal-', 'modal.', 'modalapi', 'modalkey', 'modaltoken', 'modalsecret', 'modalauth', 'modalaccess', 'modalclient', 'modalprivate', 'modalapp', 'modalwrite', 'modalrest', 'modalrecord', 'modalsdk', 'modalpat', 'modalpassword'],
    value: 'as-[A-Za-z0-9]{22}',
    entropy: 3,
    fake: () => `as-${randomKey(ALNUM, 22)}`,
    exampleName: 'MODAL_TOKEN_SECRET',
    nearMisses: () => [`MODAL_TOKEN_SECRET=ak-${randomKey(ALNUM, 22)}`],
  }),
  keyedRule({
    id: 'modal-token-id',
    provider: 'Modal',
    description: 'A Modal token id (ak-): names the token whose secret usually sits beside it.',
    words: 'modal',
    keywords: ['modal_', 'modal-', 'modal.', 'modalapi', 'modalkey', 'modaltoken', 'modalsecret', 'modalauth', 'modalaccess', 'modalclient', 'modalprivate', 'modalapp', 'modalwrite', 'modalrest', 'modalrecord', 'modalsdk', 'modalpat', 'modalpassword'],
    value: 'ak-[A-Za-z0-9]{22}',
    entropy: 3,
    severity: 'low',
    fake: () => `ak-${randomKey(ALNUM, 22)}`,
    exampleName: 'MODAL_TOKEN_ID',
  }),
]
