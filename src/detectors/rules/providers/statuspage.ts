import type {Rule} from '../../types.js'
import {UUID, keyedRule, randomUuid} from '../build.js'

/** Statuspage: its key, from the provider's published format. */
export const STATUSPAGE_RULES: readonly Rule[] = [
  keyedRule({
    id: 'statuspage-api-key',
    provider: 'Statuspage',
    description: 'An Atlassian Statuspage API key: posts incidents and changes components on the public status page.',
    words: 'status[_.-]?page',
    keywords: ['statuspage', 'status_page', 'status-page', 'status.page'],
    value: UUID,
    entropy: 3,
    fake: randomUuid,
    secretNameOnly: true,
    exampleName: 'STATUSPAGE_API_KEY',
  }),
]
