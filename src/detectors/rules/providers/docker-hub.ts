import type {Rule} from '../../types.js'
import {BASE64URL, randomString} from '../../../lib/random.js'
import {prefixRule} from '../build.js'

export const DOCKER_HUB_RULES: readonly Rule[] = [
  prefixRule({
    id: 'docker-hub-pat',
    provider: 'Docker Hub',
    description: 'A Docker Hub personal or organisation access token (`dckr_pat_`, `dckr_oat_`): pushes images as its owner.',
    keywords: ['dckr_pat_', 'dckr_oat_'],
    body: 'dckr_(?:pat|oat)_[A-Za-z0-9_-]{27,40}',
    entropy: 3.5,
    severity: 'high',
    envName: 'DOCKERHUB_TOKEN',
    fake: () => `dckr_pat_${randomString(BASE64URL, 27)}`,
    nonMatches: () => [`DOCKERHUB_TOKEN=dckr_pat_${randomString(BASE64URL, 12)}`, 'DOCKERHUB_TOKEN=dckr_pat_xxxxxxxxxxxxxxxxxxxxxxxxxxx'],
  }),
]
