import {ALNUM} from '../../../lib/random.js'
import type {Rule} from '../../types.js'
import {keyedRule, randomKey} from '../build.js'

/** Azure Container Registry: its key, from the provider's published format. */
export const AZURE_CONTAINER_REGISTRY_RULES: readonly Rule[] = [
  keyedRule({
    id: 'azure-container-registry-password',
    provider: 'Azure Container Registry',
    description: 'An Azure Container Registry admin or token password: pulls and pushes the registry\'s images.',
    words: 'acr|azure[_.-]?container[_.-]?registry',
    keywords: ['acr_', 'acr-', 'acr.', 'acrapi', 'acrkey', 'acrtoken', 'acrsecret', 'acrauth', 'acraccess', 'acrclient', 'acrprivate', 'acrapp', 'acrwrite', 'acrrest', 'acrrecord', 'acrsdk', 'acrpat', 'acrpassword', 'container_registry', 'container-registry', 'containerregistry', 'container.registry'],
    value: '[A-Za-z0-9+/=]{52}',
    entropy: 3,
    fake: () => randomKey(ALNUM, 52),
    secretNameOnly: true,
    exampleName: 'ACR_PASSWORD',
  }),
]
