import {HEX} from '../../../lib/random.js'
import type {Rule} from '../../types.js'
import {keyedRule, randomKey, tokenRule} from '../build.js'

/** Sourcegraph: its keys, from the provider's published format. */
export const SOURCEGRAPH_RULES: readonly Rule[] = [
  tokenRule({
    id: 'sourcegraph-access-token',
    provider: 'Sourcegraph',
    description: 'A Sourcegraph access token: searches every repository the user can see.',
    keywords: ['sgp_'],
    body: 'sgp_(?:[a-fA-F0-9]{16}_|local_)?[a-fA-F0-9]{40}',
    entropy: 3,
    fake: () => `sgp_${randomKey(HEX, 16)}_${randomKey(HEX, 40)}`,
    nonMatches: () => [`sgp_${randomKey(HEX, 20)}_${randomKey(HEX, 40)}`, `sgp_local_${randomKey(HEX, 30)}`],
  }),
  keyedRule({
    id: 'sourcegraph-legacy-token',
    provider: 'Sourcegraph',
    description: 'A Sourcegraph access token without prefix: searches every repository the user can see.',
    words: 'sourcegraph|src[_.-]access',
    keywords: ['sourcegraph', 'src_access'],
    value: '[a-fA-F0-9]{40}',
    entropy: 3,
    fake: () => randomKey(HEX, 40),
    exampleName: 'SRC_ACCESS_TOKEN',
  }),
]
