import {HEX} from '../../../lib/random.js'
import type {Rule} from '../../types.js'
import {keyedRule, randomKey} from '../build.js'

/** Webflow: its key, from the provider's published format. */
export const WEBFLOW_RULES: readonly Rule[] = [
  keyedRule({
    id: 'webflow-api-token',
    provider: 'Webflow',
    description: 'A Webflow site or workspace API token: publishes and changes the site\'s pages, CMS items and forms.',
    words: 'webflow',
    value: '[a-f0-9]{64}',
    entropy: 3,
    fake: () => randomKey(HEX, 64),
    exampleName: 'WEBFLOW_API_TOKEN',
  }),
]
