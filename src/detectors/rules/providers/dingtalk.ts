import {HEX} from '../../../lib/random.js'
import type {Rule} from '../../types.js'
import {randomKey, tokenRule} from '../build.js'

/** DingTalk: its key, from the provider's published format. */
export const DINGTALK_RULES: readonly Rule[] = [
  tokenRule({
    id: 'dingtalk-webhook-url',
    provider: 'DingTalk',
    description: 'A DingTalk robot webhook URL with its access token: anyone holding it can post into the group.',
    keywords: ['oapi.dingtalk.com'],
    body: 'https://oapi\\.dingtalk\\.com/robot/send\\?access_token=[a-f0-9]{64}',
    before: '',
    entropy: 3,
    severity: 'medium',
    fake: () => `https://oapi.dingtalk.com/robot/send?access_token=${randomKey(HEX, 64)}`,
    nonMatches: () => ['https://oapi.dingtalk.com/robot/send?access_token=YOUR_TOKEN'],
  }),
]
