import {BASE64URL} from '../../../lib/random.js'
import type {Rule} from '../../types.js'
import {keyedRule, randomKey} from '../build.js'

/** Platform.sh: its key, from the provider's published format. */
export const PLATFORM_SH_RULES: readonly Rule[] = [
  keyedRule({
    id: 'platform-sh-api-token',
    provider: 'Platform.sh',
    description: 'A Platform.sh (Upsun) API token: deploys and changes the user\'s projects.',
    words: 'platformsh|platform[_.-]sh|upsun',
    keywords: ['platformsh', 'platform_sh', 'platform-sh', 'platform.sh', 'upsun'],
    value: '[A-Za-z0-9_-]{43}',
    entropy: 3.5,
    fake: () => randomKey(BASE64URL, 43),
    secretNameOnly: true,
    exampleName: 'PLATFORMSH_CLI_TOKEN',
  }),
]
