import type {Rule} from '../../types.js'
import {ALNUM, LOWER, UPPER, randomString} from '../../../lib/random.js'
import {prefixRule} from '../build.js'

const LETTERS = LOWER + UPPER

export const HUGGINGFACE_RULES: readonly Rule[] = [
  prefixRule({
    id: 'huggingface-access-token',
    provider: 'Hugging Face',
    description: 'A Hugging Face user access token (`hf_`): reads private models and datasets, and writes with a write scope.',
    keywords: ['hf_'],
    body: 'hf_[A-Za-z0-9]{34}',
    entropy: 3.5,
    severity: 'high',
    envName: 'HF_TOKEN',
    fake: () => `hf_${randomString(LETTERS, 34)}`,
    nonMatches: () => [
      '- (id)hf_requiredCharacteristicTypesForDisplayMetadataLonger;',
      `HF_TOKEN=hf_${randomString(LETTERS, 20)}`,
      'HF_TOKEN=hf_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx',
      `HF_TOKEN=hf_${randomString(ALNUM, 40)}`,
    ],
  }),
  prefixRule({
    id: 'huggingface-org-token',
    provider: 'Hugging Face',
    description: 'A legacy Hugging Face organisation API token (`api_org_`): acts for the whole organisation.',
    keywords: ['api_org_'],
    body: 'api_org_[A-Za-z0-9]{34}',
    entropy: 3.5,
    severity: 'high',
    envName: 'HF_ORG_TOKEN',
    fake: () => `api_org_${randomString(LETTERS, 34)}`,
    nonMatches: () => ["const api_org_controller = require('./controllers/api')", `HF_ORG_TOKEN=api_org_${randomString(LETTERS, 12)}`],
  }),
]
