import type {Rule} from '../../types.js'
import {UUID, keyedRule, randomUuid} from '../build.js'

/** Sauce Labs: its key, from the provider's published format. */
export const SAUCE_LABS_RULES: readonly Rule[] = [
  keyedRule({
    id: 'sauce-labs-access-key',
    provider: 'Sauce Labs',
    description: 'A Sauce Labs access key: runs tests billed to the account and reads its sessions.',
    words: 'sauce(?:[_.-]?labs)?',
    keywords: ['sauce_', 'sauce-', 'sauce.', 'sauceapi', 'saucekey', 'saucetoken', 'saucesecret', 'sauceauth', 'sauceaccess', 'sauceclient', 'sauceprivate', 'sauceapp', 'saucewrite', 'saucerest', 'saucerecord', 'saucesdk', 'saucepat', 'saucepassword'],
    value: UUID,
    entropy: 3,
    fake: randomUuid,
    secretNameOnly: true,
    exampleName: 'SAUCE_ACCESS_KEY',
  }),
]
