import type {Rule} from '../../types.js'
import {randomUuid, tokenRule} from '../build.js'

/** Feishu Webhook: its key, from the provider's published format. */
export const FEISHU_WEBHOOK_RULES: readonly Rule[] = [
  tokenRule({
    id: 'feishu-webhook-url',
    provider: 'Feishu Webhook',
    description: 'A Feishu (Lark) bot webhook URL: anyone holding it can post into the group.',
    keywords: ['open.feishu.cn', 'open.larksuite.com'],
    body: 'https://open\\.(?:feishu\\.cn|larksuite\\.com)/open-apis/bot/v2/hook/[a-f0-9]{8}-[a-f0-9]{4}-[a-f0-9]{4}-[a-f0-9]{4}-[a-f0-9]{12}',
    before: '',
    entropy: 3,
    severity: 'medium',
    fake: () => `https://open.feishu.cn/open-apis/bot/v2/hook/${randomUuid()}`,
    nonMatches: () => ['https://open.feishu.cn/open-apis/bot/v2/hook/xxxx'],
  }),
]
