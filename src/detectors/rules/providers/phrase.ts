import {HEX} from '../../../lib/random.js'
import type {Rule} from '../../types.js'
import {keyedRule, randomKey} from '../build.js'

/** Phrase: its key, from the provider's published format. */
export const PHRASE_RULES: readonly Rule[] = [
  keyedRule({
    id: 'phrase-access-token',
    provider: 'Phrase',
    description: 'A Phrase (PhraseApp) access token: reads and changes the account\'s translation projects.',
    words: 'phrase(?:app)?',
    keywords: ['phrase_', 'phrase-', 'phrase.', 'phraseapi', 'phrasekey', 'phrasetoken', 'phrasesecret', 'phraseauth', 'phraseaccess', 'phraseclient', 'phraseprivate', 'phraseapp', 'phrasewrite', 'phraserest', 'phraserecord', 'phrasesdk', 'phrasepat', 'phrasepassword'],
    value: '[a-f0-9]{64}',
    entropy: 3,
    fake: () => randomKey(HEX, 64),
    secretNameOnly: true,
    exampleName: 'PHRASE_ACCESS_TOKEN',
  }),
]
