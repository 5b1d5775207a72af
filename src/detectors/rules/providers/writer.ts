import {BASE64URL} from '../../../lib/random.js'
import type {Rule} from '../../types.js'
import {keyedRule, randomKey} from '../build.js'

/** Writer: its key, from the provider's published format. */
export const WRITER_RULES: readonly Rule[] = [
  keyedRule({
    id: 'writer-api-key',
    provider: 'Writer',
    description: 'A Writer (Palmyra) API key: runs model calls billed to the organisation.',
    words: 'writer',
    keywords: ['writer_', 'writer-', 'writer.', 'writerapi', 'writerkey', 'writertoken', 'writersecret', 'writerauth', 'writeraccess', 'writerclient', 'writerprivate', 'writerapp', 'writerwrite', 'writerrest', 'writerrecord', 'writersdk', 'writerpat', 'writerpassword'],
    value: '[A-Za-z0-9_-]{40,}',
    entropy: 3.5,
    fake: () => randomKey(BASE64URL, 48),
    secretNameOnly: true,
    exampleName: 'WRITER_API_KEY',
  }),
]
