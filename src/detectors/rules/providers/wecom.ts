import type {Rule} from '../../types.js'
import {randomUuid, tokenRule} from '../build.js'

/** WeCom: its key, from the provider's published format. */
export const WECOM_RULES: readonly Rule[] = [
  tokenRule({
    id: 'wecom-webhook-url',
    provider: 'WeCom',
    description: 'A WeCom (WeChat Work) group robot webhook URL: anyone holding it can post into the group.',
    keywords: ['qyapi.weixin.qq.com'],
    body: 'https://qyapi\\.weixin\\.qq\\.com/cgi-bin/webhook/send\\?key=[a-f0-9]{8}-[a-f0-9]{4}-[a-f0-9]{4}-[a-f0-9]{4}-[a-f0-9]{12}',
    before: '',
    entropy: 3,
    severity: 'medium',
    fake: () => `https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=${randomUuid()}`,
    nonMatches: () => ['https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=YOUR_KEY'],
  }),
]
