import type {Rule} from '../../types.js'
import {ALNUM, BASE64URL, HEX, LOWER, randomString} from '../../../lib/random.js'
import {decodeJwt, fakeJwt} from '../../jwt.js'
import {boundedPattern, prefixRule, secretContexts} from '../build.js'
import {JWT_BODY} from '../jwt.js'

const supabaseJwt = (role: string): string =>
  fakeJwt({iss: 'supabase', ref: randomString(LOWER, 20), role, iat: 1767225600, exp: 2082758400})

function hasRole(role: string): (token: string) => boolean {
  return (token) => decodeJwt(token)?.payload.role === role
}

export const SUPABASE_RULES: readonly Rule[] = [
  prefixRule({
    id: 'supabase-access-token',
    provider: 'Supabase',
    description: 'A Supabase personal access token (`sbp_`): manages every project of the account through the Management API.',
    keywords: ['sbp_'],
    body: 'sbp_(?:oauth_)?[a-f0-9]{40}',
    entropy: 3.0,
    severity: 'critical',
    envName: 'SUPABASE_ACCESS_TOKEN',
    fake: () => `sbp_${randomString(HEX, 40)}`,
    nonMatches: () => [`SUPABASE_ACCESS_TOKEN=sbp_${randomString(HEX, 20)}`, 'SUPABASE_ACCESS_TOKEN=sbp_...'],
  }),
  {
    // The anon key is public by design (it ships in browsers, Row Level Security applies): reported `low`,
    // so it can still be vaulted and a copy in the wrong client's folder is still visible.
    id: 'supabase-anon-key',
    provider: 'Supabase',
    description: 'A Supabase legacy anon key (a JWT with `role: anon`): public by design, Row Level Security applies; reported low.',
    keywords: ['eyj'],
    pattern: boundedPattern(JWT_BODY),
    verify: hasRole('anon'),
    severity: 'low',
    public: true,
    fake: () => supabaseJwt('anon'),
    examples: {
      matches: () => secretContexts('SUPABASE_ANON_KEY', supabaseJwt('anon')),
      nonMatches: () => [`SUPABASE_ANON_KEY=${supabaseJwt('authenticated')}`, `SUPABASE_SERVICE_ROLE_KEY=${supabaseJwt('service_role')}`],
    },
  },
  prefixRule({
    id: 'supabase-secret-key',
    provider: 'Supabase',
    description: 'A Supabase secret API key (`sb_secret_`): bypasses Row Level Security, full access to the project’s data.',
    keywords: ['sb_secret_'],
    body: 'sb_secret_[A-Za-z0-9_-]{20,80}',
    entropy: 3.5,
    severity: 'critical',
    envName: 'SUPABASE_SECRET_KEY',
    fake: () => `sb_secret_${randomString(BASE64URL, 22)}_${randomString(ALNUM, 8)}`,
    nonMatches: () => ['SUPABASE_SECRET_KEY=sb_secret_...', `SUPABASE_PUBLISHABLE_KEY=sb_publishable_${randomString(ALNUM, 30)}`],
  }),
  {
    id: 'supabase-service-role-key',
    provider: 'Supabase',
    description: 'A Supabase legacy service_role key (a JWT with `role: service_role`): bypasses Row Level Security on every table.',
    keywords: ['eyj'],
    pattern: boundedPattern(JWT_BODY),
    verify: hasRole('service_role'),
    severity: 'critical',
    fake: () => supabaseJwt('service_role'),
    examples: {
      matches: () => secretContexts('SUPABASE_SERVICE_ROLE_KEY', supabaseJwt('service_role')),
      nonMatches: () => [`SUPABASE_ANON_KEY=${supabaseJwt('anon')}`, `SUPABASE_SERVICE_ROLE_KEY=${supabaseJwt('service_role').slice(0, 60)}`],
    },
  },
]
