import type {Rule} from '../../types.js'
import {keyedRule, randomUuid} from '../build.js'

/** Bunny.net: its key, from the provider's published format. */
export const BUNNY_NET_RULES: readonly Rule[] = [
  keyedRule({
    id: 'bunny-net-api-key',
    provider: 'Bunny.net',
    description: 'A Bunny.net API or storage key: changes the account\'s CDN zones or reads and writes its storage.',
    words: 'bunny(?:[_.-]?(?:net|cdn))?|bunnycdn',
    keywords: ['bunny'],
    value: '[a-f0-9]{8}-[a-f0-9]{4}-[a-f0-9]{4}-[a-f0-9]{4}-[a-f0-9]{12}(?:-[a-f0-9]{4}-[a-f0-9]{4}-[a-f0-9]{4}-[a-f0-9]{12})?',
    entropy: 3,
    fake: () => randomUuid(),
    secretNameOnly: true,
    exampleName: 'BUNNY_API_KEY',
  }),
]
