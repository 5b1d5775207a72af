import type {ProviderService, Rule} from '../../types.js'
import {ALNUM, randomString} from '../../../lib/random.js'
import {fakeGithubToken, githubChecksumValid} from '../../checksums.js'
import {corruptChar, prefixRule} from '../build.js'

function githubTokenRule(id: string, prefix: string, envName: string, description: string): Rule {
  return prefixRule({
    id,
    provider: 'GitHub',
    description,
    keywords: [`${prefix}_`],
    body: `${prefix}_[A-Za-z0-9]{36}`,
    entropy: 3.5,
    severity: 'critical',
    envName,
    fake: () => fakeGithubToken(prefix),
    // The last six characters are a CRC-32 of the 30 before them: a failed checksum is a made-up token.
    verify: githubChecksumValid,
    nonMatches: () => {
      const token = fakeGithubToken(prefix)
      return [
        `${envName}=${corruptChar(token, token.length - 1)}`,
        `${envName}=${corruptChar(token, prefix.length + 5)}`,
        `${envName}=${prefix}_${'x'.repeat(36)}`,
        `${envName}=${prefix}_${randomString(ALNUM, 20)}`,
        `${envName}=${prefix}_...`,
      ]
    },
  })
}

const fineGrainedPat = (): string => `github_pat_${randomString(ALNUM, 22)}_${randomString(ALNUM, 59)}`

export const GITHUB_RULES: readonly Rule[] = [
  githubTokenRule('github-app-token', 'ghs', 'GITHUB_TOKEN', 'A GitHub App installation token: acts on every repository the app is installed on.'),
  prefixRule({
    id: 'github-fine-grained-pat',
    provider: 'GitHub',
    description: 'A GitHub fine-grained personal access token: acts as its owner on the repositories it was granted.',
    keywords: ['github_pat_'],
    body: 'github_pat_[A-Za-z0-9]{22}_[A-Za-z0-9]{59}',
    entropy: 4.0,
    severity: 'critical',
    envName: 'GITHUB_TOKEN',
    fake: fineGrainedPat,
    nonMatches: () => [
      `GITHUB_TOKEN=github_pat_${'x'.repeat(22)}_${'x'.repeat(59)}`,
      `GITHUB_TOKEN=github_pat_${randomString(ALNUM, 22)}_${randomString(ALNUM, 30)}`,
      `GITHUB_TOKEN=github_pat_${randomString(ALNUM, 22)}${randomString(ALNUM, 59)}`,
      'GITHUB_TOKEN=github_pat_your_token_here',
    ],
  }),
  githubTokenRule('github-oauth-token', 'gho', 'GITHUB_TOKEN', 'A GitHub OAuth app access token: acts as the user who authorised the app.'),
  githubTokenRule('github-pat', 'ghp', 'GITHUB_TOKEN', 'A GitHub classic personal access token: acts as its owner across every repository they can reach.'),
  githubTokenRule('github-refresh-token', 'ghr', 'GITHUB_REFRESH_TOKEN', 'A GitHub App refresh token: mints new user access tokens for the app.'),
  githubTokenRule('github-user-token', 'ghu', 'GITHUB_TOKEN', 'A GitHub App user-to-server token: acts as the user within the app’s permissions.'),
]

/** The broker's built-in service for GitHub keys: its public API and the way its SDKs send the key. */
export const GITHUB_SERVICE: ProviderService = {
  preset: {name: 'github', upstream: 'https://api.github.com', auth: {kind: 'header', header: 'authorization', template: 'Bearer {secret}'}, baseUrlEnv: ['GITHUB_API_URL'], baseUrlSuffix: '', hosts: ['api.github.com']},
}
