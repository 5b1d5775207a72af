import {ALNUM} from '../../../lib/random.js'
import type {Rule} from '../../types.js'
import {keyedRule, randomKey} from '../build.js'

/** Azure DevOps: its key, from the provider's published format. */
export const AZURE_DEVOPS_RULES: readonly Rule[] = [
  keyedRule({
    id: 'azure-devops-pat',
    provider: 'Azure DevOps',
    description: 'An Azure DevOps personal access token: reads and pushes code and runs pipelines as its user.',
    words: 'azure[_.-]?devops|azdo|ado|vsts',
    keywords: ['azure_devops', 'azure-devops', 'azuredevops', 'azure.devops', 'azdo', 'ado_', 'ado-', 'ado.', 'adoapi', 'adokey', 'adotoken', 'adosecret', 'adoauth', 'adoaccess', 'adoclient', 'adoprivate', 'adoapp', 'adowrite', 'adorest', 'adorecord', 'adosdk', 'adopat', 'adopassword', 'vsts'],
    value: '[a-z2-7]{52}|[A-Za-z0-9]{76}AZDO[A-Za-z0-9]{4}',
    entropy: 3,
    fake: () => `${randomKey(ALNUM, 76)}AZDO${randomKey(ALNUM, 4)}`,
    exampleName: 'AZURE_DEVOPS_PAT',
  }),
]
