import {ALNUM, BASE64, DIGITS} from '../../../lib/random.js'
import type {Rule} from '../../types.js'
import {LOWER_ALNUM, randomKey, tokenRule} from '../build.js'

/** Amazon Bedrock: its key, from the provider's published format. */
export const AMAZON_BEDROCK_RULES: readonly Rule[] = [
  tokenRule({
    id: 'amazon-bedrock-api-key',
    provider: 'Amazon Bedrock',
    description: 'An Amazon Bedrock API key (ABSK…): runs foundation-model calls billed to the AWS account.',
    keywords: ['ABSK'],
    body: 'ABSKQmVkcm9ja0FQSUtleS[A-Za-z0-9+/]{80,400}={0,2}',
    entropy: 4,
    fake: () => `ABSK${Buffer.from(`BedrockAPIKey-${randomKey(LOWER_ALNUM, 4)}-at-${randomKey(DIGITS, 12)}:${randomKey(BASE64, 60)}`).toString('base64')}`,
    nonMatches: () => [`ABSK${randomKey(ALNUM, 40)}`],
  }),
]
