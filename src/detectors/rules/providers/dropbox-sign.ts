import {HEX} from '../../../lib/random.js'
import type {Rule} from '../../types.js'
import {keyedRule, randomKey} from '../build.js'

/** Dropbox Sign: its key, from the provider's published format. */
export const DROPBOX_SIGN_RULES: readonly Rule[] = [
  keyedRule({
    id: 'dropbox-sign-api-key',
    provider: 'Dropbox Sign',
    description: 'A Dropbox Sign (HelloSign) API key: sends and reads the account\'s signature requests.',
    words: 'hellosign|hello[_.-]sign|dropbox[_.-]?sign',
    keywords: ['hellosign', 'hello_sign', 'hello-sign', 'hello.sign', 'dropboxsign', 'dropbox_sign', 'dropbox-sign', 'dropbox.sign'],
    value: '[a-f0-9]{64}',
    entropy: 3,
    fake: () => randomKey(HEX, 64),
    exampleName: 'HELLOSIGN_API_KEY',
  }),
]
