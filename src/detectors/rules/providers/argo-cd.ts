import {BASE64URL} from '../../../lib/random.js'
import type {Rule} from '../../types.js'
import {keyedRule, randomKey} from '../build.js'

/** Argo CD: its key, from the provider's published format. */
export const ARGO_CD_RULES: readonly Rule[] = [
  keyedRule({
    id: 'argo-cd-auth-token',
    provider: 'Argo CD',
    description: 'An Argo CD auth token: syncs and changes the applications it deploys to the clusters.',
    words: 'argo[_.-]?cd',
    keywords: ['argocd', 'argo_cd', 'argo-cd', 'argo.cd'],
    value: 'eyJ[A-Za-z0-9_-]{10,}\\.eyJ[A-Za-z0-9_-]{20,}\\.[A-Za-z0-9_-]{20,}',
    entropy: 3.5,
    severity: 'critical',
    fake: () => `eyJ${randomKey(BASE64URL, 30)}.eyJ${randomKey(BASE64URL, 120)}.${randomKey(BASE64URL, 43)}`,
    exampleName: 'ARGOCD_AUTH_TOKEN',
  }),
]
