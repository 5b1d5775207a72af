import {BASE64, DIGITS} from '../../../lib/random.js'
import type {Rule} from '../../types.js'
import {keyedRule, randomKey} from '../build.js'

/** Backblaze B2: its key, from the provider's published format. */
export const BACKBLAZE_B2_RULES: readonly Rule[] = [
  keyedRule({
    id: 'backblaze-b2-application-key',
    provider: 'Backblaze B2',
    description: 'A Backblaze B2 application key (K…): reads and writes the buckets it is scoped to.',
    words: 'backblaze|b2',
    keywords: ['backblaze', 'b2_', 'b2-', 'b2.', 'b2api', 'b2key', 'b2token', 'b2secret', 'b2auth', 'b2access', 'b2client', 'b2private', 'b2app', 'b2write', 'b2rest', 'b2record', 'b2sdk', 'b2pat', 'b2password'],
    value: 'K[0-9]{3}[A-Za-z0-9+/]{27}',
    entropy: 3,
    fake: () => `K00${randomKey(DIGITS, 1)}${randomKey(BASE64, 27)}`,
    secretNameOnly: true,
    exampleName: 'B2_APPLICATION_KEY',
    nearMisses: () => [`B2_APPLICATION_KEY=${randomKey(BASE64, 31)}`],
  }),
]
