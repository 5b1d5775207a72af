import {ALNUM} from '../../../lib/random.js'
import type {Rule} from '../../types.js'
import {randomKey, tokenRule} from '../build.js'

/** Azure SAS: its key, from the provider's published format. */
export const AZURE_SAS_RULES: readonly Rule[] = [
  tokenRule({
    id: 'azure-sas-token',
    provider: 'Azure SAS',
    description: 'An Azure shared access signature in a URL or token: reads or writes the storage resources it was signed for until it expires.',
    keywords: ['sig='],
    body: '[?&]sv=[0-9]{4}-[0-9]{2}-[0-9]{2}&[A-Za-z0-9=&%:._-]*?sig=(?<secret>[A-Za-z0-9%+/]{40,}(?:%3D|=){0,2})',
    before: '',
    after: '',
    entropy: 3,
    severity: 'high',
    fake: () => `${randomKey(ALNUM, 43)}%3D`,
    wrap: [(sig) => `https://acme.blob.core.windows.net/backups?sv=2022-11-02&ss=b&srt=co&sp=rl&se=2030-01-01T00:00:00Z&sig=${sig}`],
    nonMatches: () => ['https://acme.blob.core.windows.net/backups?sv=2022-11-02&ss=b&sp=rl&sig=<signature>'],
  }),
]
