import type {Rule} from '../../types.js'
import {UUID, keyedRule, randomUuid} from '../build.js'

/** DocuSign: its key, from the provider's published format. */
export const DOCUSIGN_RULES: readonly Rule[] = [
  keyedRule({
    id: 'docusign-secret-key',
    provider: 'DocuSign',
    description: 'A DocuSign integration secret key: obtains tokens that send and read envelopes for the account.',
    words: 'docusign',
    keywords: ['docusign'],
    value: UUID,
    entropy: 3,
    severity: 'critical',
    fake: randomUuid,
    secretNameOnly: true,
    exampleName: 'DOCUSIGN_SECRET_KEY',
  }),
]
