import {BASE64URL, HEX} from '../../../lib/random.js'
import type {Rule} from '../../types.js'
import {keyedRule, randomKey, tokenRule} from '../build.js'

/** Inngest: its keys, from the provider's published format. */
export const INNGEST_RULES: readonly Rule[] = [
  tokenRule({
    id: 'inngest-signing-key',
    provider: 'Inngest',
    description: 'An Inngest signing key (signkey-): calls the app\'s functions as Inngest and reads their runs.',
    keywords: ['signkey-'],
    body: 'signkey-(?:prod|test|branch)-[a-f0-9]{64}',
    entropy: 3,
    severity: 'critical',
    fake: () => `signkey-prod-${randomKey(HEX, 64)}`,
    nonMatches: () => [`signkey-prod-${randomKey(HEX, 32)}`],
  }),
  keyedRule({
    id: 'inngest-event-key',
    provider: 'Inngest',
    description: 'An Inngest event key: sends events that start the app\'s functions.',
    words: 'inngest',
    value: '[A-Za-z0-9_-]{86}',
    entropy: 3.5,
    severity: 'medium',
    fake: () => randomKey(BASE64URL, 86),
    exampleName: 'INNGEST_EVENT_KEY',
  }),
]
