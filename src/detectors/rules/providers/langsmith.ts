import type {Rule} from '../../types.js'
import {HEX, randomString} from '../../../lib/random.js'
import {prefixRule} from '../build.js'

function langsmithRule(id: string, kind: 'pt' | 'sk', description: string): Rule {
  return prefixRule({
    id,
    provider: 'LangSmith',
    description,
    keywords: [`lsv2_${kind}_`],
    body: `lsv2_${kind}_[a-f0-9]{32}_[a-f0-9]{10}`,
    entropy: 3.0,
    severity: 'high',
    envName: 'LANGSMITH_API_KEY',
    fake: () => `lsv2_${kind}_${randomString(HEX, 32)}_${randomString(HEX, 10)}`,
    nonMatches: () => [`LANGSMITH_API_KEY=lsv2_${kind}_${randomString(HEX, 32)}`, `LANGSMITH_API_KEY=lsv2_${kind}_...`],
  })
}

export const LANGSMITH_RULES: readonly Rule[] = [
  langsmithRule('langsmith-personal-token', 'pt', 'A LangSmith personal access token (`lsv2_pt_`): reads the traces (prompts, outputs, data) of its owner’s workspaces.'),
  langsmithRule('langsmith-service-key', 'sk', 'A LangSmith service key (`lsv2_sk_`): workspace-wide access to traces and datasets.'),
]
