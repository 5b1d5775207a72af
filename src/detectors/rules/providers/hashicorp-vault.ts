import {ALNUM, BASE64URL} from '../../../lib/random.js'
import type {Rule} from '../../types.js'
import {keyedRule, randomKey, tokenRule} from '../build.js'

/** Whether a value mixes upper case, lower case and digits, as generated tokens do and words do not. */
function isMixedAlnum(secret: string): boolean {
  return /[a-z]/.test(secret) && /[A-Z]/.test(secret) && /[0-9]/.test(secret)
}

/** HashiCorp Vault: its keys, from the provider's published format. */
export const HASHICORP_VAULT_RULES: readonly Rule[] = [
  tokenRule({
    id: 'hashicorp-vault-batch-token',
    provider: 'HashiCorp Vault',
    description: 'A HashiCorp Vault batch token: reads the secrets its policies allow until it expires.',
    keywords: ['hvb.'],
    body: 'hvb\\.[A-Za-z0-9_-]{138,300}',
    entropy: 3.5,
    severity: 'critical',
    fake: () => `hvb.${randomKey(BASE64URL, 150)}`,
    nonMatches: () => [`hvb.${randomKey(BASE64URL, 40)}`],
  }),
  tokenRule({
    id: 'hashicorp-vault-service-token',
    provider: 'HashiCorp Vault',
    description: 'A HashiCorp Vault service token: reads the secrets its policies allow.',
    keywords: ['hvs.'],
    body: 'hvs\\.[A-Za-z0-9_-]{90,120}',
    entropy: 3.5,
    severity: 'critical',
    fake: () => `hvs.${randomKey(BASE64URL, 100)}`,
    nonMatches: () => [`hvs.${randomKey(BASE64URL, 24)}`],
  }),
  keyedRule({
    id: 'hashicorp-vault-legacy-token',
    provider: 'HashiCorp Vault',
    description: 'A HashiCorp Vault service token in the pre-1.10 `s.` form: reads the secrets its policies allow.',
    words: 'vault',
    value: 's\\.[A-Za-z0-9]{24}',
    verify: (secret) => isMixedAlnum(secret.slice(2)),
    severity: 'critical',
    fake: () => `s.${randomKey(ALNUM, 21)}aZ9`,
    exampleName: 'VAULT_TOKEN',
  }),
]
