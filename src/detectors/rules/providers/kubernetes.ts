import {ALNUM} from '../../../lib/random.js'
import type {Rule} from '../../types.js'
import {randomKey, tokenRule} from '../build.js'

/** The first value of a Secret's `data:` map, base64 (possibly as a block scalar), long enough to hold a credential. */
const K8S_DATA_VALUE =
  `(?<=(?:^|\\n)[ \\t]*data:[ \\t]*\\r?\\n(?:[ \\t]*(?:#[^\\n]*)?\\r?\\n)*)` +
  `[ \\t]+[\\w.-]+:[ \\t]*(?:[|>][-+]?[ \\t]*\\r?\\n[ \\t]+)?["']?` +
  `(?<secret>[A-Za-z0-9+/]{12,}={0,2})["']?[ \\t]*(?=\\r?\\n|$)`

/** `kind: Secret` (not ExternalSecret, SealedSecret…) in the same YAML document, before or after the value. */
const K8S_KIND = `[ \\t]*kind:[ \\t]*["']?[Ss]ecret["']?[ \\t]*(?=\\r?\\n|$)`

const K8S_SAME_DOCUMENT = `(?:(?!\\n---)[\\s\\S]){0,4000}?`

/** Kubernetes: its key, from the provider's published format. */
export const KUBERNETES_RULES: readonly Rule[] = [
  tokenRule({
    id: 'kubernetes-secret-data',
    provider: 'Kubernetes',
    description: 'A value in the data of a Kubernetes Secret manifest: base64 is encoding, not encryption.',
    keywords: ['apiversion'],
    body:
      K8S_DATA_VALUE +
      `(?:(?<=(?:^|\\n)${K8S_KIND}${K8S_SAME_DOCUMENT})|(?=${K8S_SAME_DOCUMENT}\\n${K8S_KIND}))`,
    multiline: true,
    before: '',
    after: '',
    entropy: 2.5,
    fake: () => Buffer.from(randomKey(ALNUM, 24)).toString('base64'),
    wrap: [
      (value) => `apiVersion: v1\nkind: Secret\nmetadata:\n  name: db\ntype: Opaque\ndata:\n  password: ${value}\n`,
      (value) => `apiVersion: v1\ndata:\n  token: "${value}"\nkind: Secret\nmetadata:\n  name: api\n`,
    ],
    nonMatches: () => [
      `apiVersion: v1\nkind: ConfigMap\ndata:\n  settings: ${Buffer.from(randomKey(ALNUM, 24)).toString('base64')}\n`,
      'apiVersion: v1\nkind: Secret\ndata:\n  password: {{ .Values.password }}\n',
    ],
  }),
]
