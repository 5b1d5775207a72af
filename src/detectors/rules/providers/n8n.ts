import {BASE64URL} from '../../../lib/random.js'
import type {Rule} from '../../types.js'
import {keyedRule, randomKey} from '../build.js'

/** n8n: its key, from the provider's published format. */
export const N8N_RULES: readonly Rule[] = [
  keyedRule({
    id: 'n8n-api-key',
    provider: 'n8n',
    description: 'An n8n API key: reads and changes the instance\'s workflows and the credentials they use.',
    words: 'n8n',
    value: 'eyJ[A-Za-z0-9_-]{10,}\\.eyJ[A-Za-z0-9_-]{20,}\\.[A-Za-z0-9_-]{20,}',
    entropy: 3.5,
    severity: 'critical',
    fake: () => `eyJ${randomKey(BASE64URL, 30)}.eyJ${randomKey(BASE64URL, 120)}.${randomKey(BASE64URL, 43)}`,
    exampleName: 'N8N_API_KEY',
  }),
]
