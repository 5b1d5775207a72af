import {HEX} from '../../../lib/random.js'
import type {Rule} from '../../types.js'
import {keyedRule, randomKey} from '../build.js'

/** PandaDoc: its key, from the provider's published format. */
export const PANDADOC_RULES: readonly Rule[] = [
  keyedRule({
    id: 'pandadoc-api-key',
    provider: 'PandaDoc',
    description: 'A PandaDoc API key: creates, sends and reads the workspace\'s documents.',
    words: 'pandadoc|panda[_.-]doc',
    keywords: ['pandadoc', 'panda_doc', 'panda-doc', 'panda.doc'],
    value: '[a-f0-9]{40}',
    entropy: 3,
    fake: () => randomKey(HEX, 40),
    exampleName: 'PANDADOC_API_KEY',
  }),
]
