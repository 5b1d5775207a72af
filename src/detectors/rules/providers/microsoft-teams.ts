import {HEX} from '../../../lib/random.js'
import type {Rule} from '../../types.js'
import {randomKey, randomUuid, tokenRule} from '../build.js'

/** Microsoft Teams: its key, from the provider's published format. */
export const MICROSOFT_TEAMS_RULES: readonly Rule[] = [
  tokenRule({
    id: 'microsoft-teams-webhook',
    provider: 'Microsoft Teams',
    description: 'A Microsoft Teams incoming webhook URL: anyone holding it posts into the channel.',
    keywords: ['webhook.office.com', 'outlook.office.com/webhook'],
    body:
      'https://[A-Za-z0-9-]+\\.(?:webhook\\.office\\.com/webhookb2|outlook\\.office\\.com/webhook)/' +
      '[A-Za-z0-9-]{36}@[A-Za-z0-9-]{36}/IncomingWebhook/[A-Za-z0-9]{32}/[A-Za-z0-9-]{36}(?:/[A-Za-z0-9_-]+)?',
    before: '',
    after: '',
    fake: () =>
      `https://contoso.webhook.office.com/webhookb2/${randomUuid()}@${randomUuid()}/IncomingWebhook/${randomKey(HEX, 32)}/${randomUuid()}`,
    nonMatches: () => ['https://contoso.webhook.office.com/webhookb2/'],
  }),
]
