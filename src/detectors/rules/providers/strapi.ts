import {HEX} from '../../../lib/random.js'
import type {Rule} from '../../types.js'
import {keyedRule, randomKey} from '../build.js'

/** Strapi: its key, from the provider's published format. */
export const STRAPI_RULES: readonly Rule[] = [
  keyedRule({
    id: 'strapi-api-token',
    provider: 'Strapi',
    description: 'A Strapi API token: reads or, as a full-access token, changes every content type of the instance.',
    words: 'strapi',
    value: '[a-f0-9]{256}',
    entropy: 3,
    fake: () => randomKey(HEX, 256),
    exampleName: 'STRAPI_API_TOKEN',
  }),
]
