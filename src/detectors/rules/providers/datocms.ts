import {HEX} from '../../../lib/random.js'
import type {Rule} from '../../types.js'
import {keyedRule, randomKey} from '../build.js'

/** DatoCMS: its key, from the provider's published format. */
export const DATOCMS_RULES: readonly Rule[] = [
  keyedRule({
    id: 'datocms-api-token',
    provider: 'DatoCMS',
    description: 'A DatoCMS API token: reads drafts or changes the project\'s content, by its role.',
    words: 'dato(?:cms)?',
    keywords: ['dato'],
    value: '[a-f0-9]{30}',
    entropy: 3,
    fake: () => randomKey(HEX, 30),
    exampleName: 'DATOCMS_API_TOKEN',
  }),
]
