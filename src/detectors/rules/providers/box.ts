import {ALNUM} from '../../../lib/random.js'
import type {Rule} from '../../types.js'
import {keyedRule, randomKey} from '../build.js'

/** Box: its key, from the provider's published format. */
export const BOX_RULES: readonly Rule[] = [
  keyedRule({
    id: 'box-client-secret',
    provider: 'Box',
    description: 'A Box app client secret or developer token: reads and changes the enterprise\'s files as the app.',
    words: 'box[_.-]?(?:client|developer|app|api)',
    keywords: ['box_client', 'box-client', 'boxclient', 'box.client', 'box_developer', 'box-developer', 'boxdeveloper', 'box_app', 'box-app', 'boxapp', 'box_api', 'box-api', 'boxapi'],
    value: '[A-Za-z0-9]{32}',
    entropy: 3,
    fake: () => randomKey(ALNUM, 32),
    secretNameOnly: true,
    exampleName: 'BOX_CLIENT_SECRET',
  }),
]
