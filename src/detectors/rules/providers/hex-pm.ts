import {HEX} from '../../../lib/random.js'
import type {Rule} from '../../types.js'
import {keyedRule, randomKey} from '../build.js'

/** Hex: its key, from the provider's published format. */
export const HEX_PM_RULES: readonly Rule[] = [
  keyedRule({
    id: 'hex-pm-api-key',
    provider: 'Hex',
    description: 'A Hex.pm API key: publishes and retires Elixir and Erlang packages the user owns.',
    words: 'hex(?:[_.-]?pm)?',
    keywords: ['hex_', 'hex-', 'hex.', 'hexapi', 'hexkey', 'hextoken', 'hexsecret', 'hexauth', 'hexaccess', 'hexclient', 'hexprivate', 'hexapp', 'hexwrite', 'hexrest', 'hexrecord', 'hexsdk', 'hexpat', 'hexpassword'],
    value: '[a-f0-9]{32}',
    entropy: 3,
    fake: () => randomKey(HEX, 32),
    secretNameOnly: true,
    exampleName: 'HEX_API_KEY',
  }),
]
