import {ALNUM} from '../../../lib/random.js'
import type {Rule} from '../../types.js'
import {randomKey, tokenRule} from '../build.js'

/** HashiCorp Terraform: its key, from the provider's published format. */
export const HASHICORP_TERRAFORM_RULES: readonly Rule[] = [
  tokenRule({
    id: 'hashicorp-tf-api-token',
    provider: 'HashiCorp Terraform',
    description: 'A Terraform Cloud / Enterprise API token: plans, applies and reads state in the organisation.',
    keywords: ['atlasv1'],
    body: '[A-Za-z0-9]{14}\\.atlasv1\\.[A-Za-z0-9_=-]{60,70}',
    entropy: 3.5,
    severity: 'critical',
    fake: () => `${randomKey(ALNUM, 14)}.atlasv1.${randomKey(ALNUM, 67)}`,
    nonMatches: () => [`${randomKey(ALNUM, 14)}.atlasv1.${randomKey(ALNUM, 20)}`],
  }),
]
