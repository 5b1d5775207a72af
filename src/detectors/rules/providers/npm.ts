import type {Rule} from '../../types.js'
import {ALNUM, randomString} from '../../../lib/random.js'
import {prefixRule} from '../build.js'

export const NPM_RULES: readonly Rule[] = [
  prefixRule({
    id: 'npm-access-token',
    provider: 'npm',
    description: 'An npm access token (`npm_`): publishes packages as its owner, a supply-chain risk.',
    keywords: ['npm_'],
    body: 'npm_[A-Za-z0-9]{36}',
    entropy: 3.5,
    severity: 'critical',
    envName: 'NPM_TOKEN',
    fake: () => `npm_${randomString(ALNUM, 36)}`,
    nonMatches: () => [`NPM_TOKEN=npm_${randomString(ALNUM, 20)}`, `//registry.npmjs.org/:_authToken=npm_${'x'.repeat(36)}`, 'const npm_config_cache = process.env.npm_config_cache'],
  }),
]
