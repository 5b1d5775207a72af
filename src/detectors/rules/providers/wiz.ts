import {ALNUM} from '../../../lib/random.js'
import type {Rule} from '../../types.js'
import {keyedRule, randomKey} from '../build.js'

/** Wiz: its key, from the provider's published format. */
export const WIZ_RULES: readonly Rule[] = [
  keyedRule({
    id: 'wiz-client-secret',
    provider: 'Wiz',
    description: 'A Wiz service account client secret: reads the organisation\'s cloud inventory and security issues.',
    words: 'wiz',
    keywords: ['wiz_', 'wiz-', 'wizclient', 'wizsecret'],
    value: '[A-Za-z0-9]{64}',
    entropy: 3,
    severity: 'critical',
    fake: () => randomKey(ALNUM, 64),
    secretNameOnly: true,
    exampleName: 'WIZ_CLIENT_SECRET',
  }),
]
