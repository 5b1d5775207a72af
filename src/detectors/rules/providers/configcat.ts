import {BASE64URL} from '../../../lib/random.js'
import type {Rule} from '../../types.js'
import {keyedRule, randomKey} from '../build.js'

/** ConfigCat: its key, from the provider's published format. */
export const CONFIGCAT_RULES: readonly Rule[] = [
  keyedRule({
    id: 'configcat-sdk-key',
    provider: 'ConfigCat',
    description: 'A ConfigCat SDK key: reads the config\'s flags and targeting rules, customer segments included.',
    words: 'configcat|config[_.-]cat',
    keywords: ['configcat', 'config_cat', 'config-cat', 'config.cat'],
    value: '(?:configcat-sdk-1/)?[A-Za-z0-9_-]{22}/[A-Za-z0-9_-]{22}',
    entropy: 3,
    severity: 'medium',
    fake: () => `${randomKey(BASE64URL, 22)}/${randomKey(BASE64URL, 22)}`,
    exampleName: 'CONFIGCAT_SDK_KEY',
  }),
]
