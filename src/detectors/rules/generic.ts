import type {Rule} from '../types.js'
import {isUnlikelySecretValue} from '../decoys.js'
import {ALNUM, BASE64URL, randomString} from '../../lib/random.js'
import {normalizeSecretName} from '../assignments.js'
import {namePredicate, secretContexts} from './build.js'

/** Last name parts that say the value is about a secret, not the secret (`SECRET_NAME`, `TOKEN_URL`). */
const NON_SECRET_SUFFIXES = new Set([
  'id', 'ids', 'name', 'names', 'url', 'uri', 'urls', 'path', 'paths', 'file', 'files', 'dir', 'folder', 'type',
  'types', 'length', 'len', 'size', 'count', 'env', 'var', 'variable', 'arn', 'ref', 'field', 'label', 'hint',
  'prompt', 'header', 'headers', 'format', 'version', 'enabled', 'enable', 'disabled', 'required', 'min', 'max',
  'ttl', 'expiry', 'expires', 'expiration', 'at', 'time', 'timeout', 'mode', 'method', 'provider', 'store',
  'manager', 'location', 'region', 'endpoint', 'host', 'port', 'user', 'username', 'email', 'prefix', 'suffix',
  'pattern', 'regex', 'index', 'idx', 'list', 'map', 'set', 'policy', 'scope', 'scopes', 'algorithm', 'alg',
  'kind', 'hash', 'checksum', 'digest', 'sha', 'event', 'events', 'class', 'selector', 'mapping', 'table',
  'column', 'param', 'params', 'option', 'options', 'flag', 'config', 'cfg', 'description', 'desc', 'text',
  'message', 'msg', 'error', 'status', 'state', 'source', 'target', 'input', 'output', 'placeholder', 'template',
  'schema', 'sequence', 'rotation', 'created', 'updated', 'used', 'domain', 'issuer', 'audience', 'limit',
  'limits', 'usage', 'budget', 'cost', 'price', 'rate', 'window', 'encoding', 'charset', 'style', 'width',
  'height', 'color', 'icon', 'title', 'link', 'button', 'form', 'input', 'view', 'page', 'route', 'handler',
  'callback', 'func', 'fn', 'function', 'service', 'client', 'factory', 'builder', 'validator', 'parser',
  'generator', 'exists', 'valid', 'missing', 'invalid', 'check', 'verify', 'visible', 'shown', 'show', 'hide',
  'key', 'keys', 'tokens', 'secrets', 'passwords', 'auth', 'authority', 'keytab',
])

/** Name parts that make a `…key`/`…token` name a non-secret one (`PRIMARY_KEY`, `NEXT_PAGE_TOKEN`). */
const NON_SECRET_PARTS = new Set([
  'public', 'publishable', 'pub', 'authenticity', 'csrftoken', 'xsrftoken', 'nonce', 'captcha', 'primary', 'foreign', 'sort', 'partition', 'cache', 'idempotency', 'csrf',
  'xsrf', 'page', 'next', 'continuation', 'cancellation', 'lookup', 'unique', 'composite', 'row', 'range',
  'shard', 'hot', 'keyboard', 'press', 'pressed', 'down', 'up', 'frame', 'i18n', 'translation', 'locale', 'max',
  'num', 'total', 'site', 'recaptcha', 'anon', 'dedupe', 'dedup', 'routing', 'group', 'bucket', 'schema',
  'sequence', 'foreign', 'object', 'map', 'react', 'vue', 'list', 'item', 'node', 'entry', 'registry', 'kms',
])

/** Parts before a final `key` that make it a credential (`API_KEY`, `SECRET_KEY`, `signingKey`). */
const CREDENTIAL_KEY_QUALIFIERS = new Set([
  'api', 'secret', 'access', 'private', 'master', 'signing', 'sign', 'signature', 'encryption', 'enc', 'auth',
  'license', 'licence', 'client', 'app', 'application', 'service', 'admin', 'account', 'consumer', 'session',
  'crypto', 'hmac', 'jwt', 'webhook', 'server', 'write', 'read', 'ingest', 'deploy', 'live', 'prod', 'subscription',
  'developer', 'personal', 'bot', 'integration', 'project', 'org', 'management', 'mgmt', 'rest', 'sdk', 'cipher',
  'aes', 'root', 'shared', 'sas', 'storage', 'security', 'user', 'partner', 'merchant', 'gateway', 'password',
  'login', 'cookie', 'salt', 'dev', 'test', 'sandbox', 'production', 'staging', 'ssh', 'gpg', 'pgp', 'rsa', 'tls',
])

const SECRET_LAST_PARTS = new Set(['authorization', 'token', 'secret', 'apikey', 'passphrase', 'credential', 'credentials', 'creds', 'pat', 'cred'])

/** Name parts in snake case, trailing numbers dropped (`access_token3` → `access`, `token`). */
function nameParts(name: string): string[] {
  const parts = normalizeSecretName(name)
    .split('_')
    .map((part) => part.replace(/\d+$/, ''))
    .filter((part) => part !== '')
  return parts
}

/** Whether a name reads as an API key, token or client secret (not a password, not an id or a url). */
export function isSecretKeyName(name: string): boolean {
  const parts = nameParts(name)
  if (parts.length === 0) return false
  const last = parts[parts.length - 1]
  if (parts.some((part) => NON_SECRET_PARTS.has(part))) return false
  if (SECRET_LAST_PARTS.has(last)) return true
  if (last === 'key' || last === 'keys') {
    if (parts.length < 2) return false
    if (CREDENTIAL_KEY_QUALIFIERS.has(parts[parts.length - 2])) return true
    // SCREAMING env names (`MAPBOX_KEY`) are configuration, where a bare key is a credential.
    return /^[A-Z0-9_]+$/.test(name.replace(/^[$@]/, '')) && !NON_SECRET_SUFFIXES.has(parts[parts.length - 2])
  }
  if (last === 'auth') return parts.length >= 2 && ['user', 'basic', 'proxy', 'http', 'api'].includes(parts[parts.length - 2])
  if (NON_SECRET_SUFFIXES.has(last)) return false
  // `secret` or `api_key` earlier in a name counts only when what follows says "the value" (`mySecretString`).
  const valueWords = ['string', 'str', 'value', 'val', 'text', 'raw', 'plain', 'data', 'b64', 'base64', 'hex', 'bytes']
  return (parts.includes('secret') || parts.includes('apikey')) && valueWords.includes(last)
}

/** Whether a name reads as a password or passphrase: a password word last (`DB_PASS`), or before a qualifier. */
export function isPasswordName(name: string): boolean {
  const parts = nameParts(name)
  if (parts.length === 0) return false
  const last = parts[parts.length - 1]
  if (parts.some((part) => part === 'public' || part === 'reset' || part === 'forgot' || part === 'confirm')) return false
  if (/^(?:password|passwd|pwd|pass|passphrase|pw|passw)$|password$|passwd$/.test(last)) return true
  const qualifiers = ['value', 'val', 'plain', 'plaintext', 'clear', 'cleartext', 'raw', 'prod', 'dev', 'staging', 'test', 'local', 'old', 'new', 'current', 'str', 'string', 'text']
  return parts.length >= 2 && /password|passwd/.test(parts[parts.length - 2]) && qualifiers.includes(last)
}

function characterClasses(value: string): number {
  return (/[a-z]/.test(value) ? 1 : 0) + (/[A-Z]/.test(value) ? 1 : 0) + (/[0-9]/.test(value) ? 1 : 0) + (/[^A-Za-z0-9]/.test(value) ? 1 : 0)
}

/** Structure of a generated key: one token, mixed classes, a digit unless long and mixed case. */
function looksGenerated(value: string): boolean {
  if (value.length < 12 || isUnlikelySecretValue(value)) return false
  const classes = characterClasses(value)
  if (classes < 2) return false
  const mixedCase = /[a-z]/.test(value) && /[A-Z]/.test(value)
  // Random lower case and digits is about a quarter digits; `awsimdsv2sessiontoken` is words.
  if (!/[A-Z]/.test(value) && /[a-z]/.test(value) && (value.match(/[0-9]/g)?.length ?? 0) < value.length * 0.1) return false
  // Under 20 characters only a three-alphabet string carries enough randomness to be a key.
  if (value.length < 20) return mixedCase && /[0-9]/.test(value)
  return /[0-9]/.test(value) || mixedCase
}

/** Structure of a password: one token, not an identifier, mixing letter cases, digits or symbols. */
function looksLikePassword(value: string): boolean {
  if (value.length < 6 || isUnlikelySecretValue(value)) return false
  const alphabets = (/[a-z]/.test(value) ? 1 : 0) + (/[A-Z]/.test(value) ? 1 : 0) + (/[0-9]/.test(value) ? 1 : 0)
  return alphabets >= 2 || (/[^A-Za-z0-9._-]/.test(value) && value.length >= 8) || value.length >= 16
}


export const GENERIC_RULES: readonly Rule[] = [
  {
    id: 'generic-api-key',
    provider: 'Generic',
    // A broad shape: any provider rule on the same span wins.
    priority: 0,
    description:
      'A high-entropy value assigned to a key, token or client-secret name: a credential of a provider without a rule of its own.',
    keywords: ['key', 'token', 'secret', 'cred', 'auth', '_pat', 'pat='],
    pattern: /^(?<secret>[\x21-\x7e]{12,1000})$/,
    entropy: 3.0,
    names: namePredicate(isSecretKeyName),
    verify: looksGenerated,
    severity: 'medium',
    fake: () => randomString(ALNUM, 8) + randomString(BASE64URL, 24) + randomString(ALNUM, 8),
    examples: {
      matches: () => [...secretContexts('ACME_CRM_API_KEY', randomString(ALNUM, 40)), `client_secret: ${randomString(ALNUM, 32)}7`],
      nonMatches: () => [
        'ACME_CRM_API_KEY=your-api-key-here',
        'ACME_CRM_API_KEY=${ACME_CRM_API_KEY}',
        'ACME_CRM_TOKEN_URL=https://auth.acme.example/token',
        `PRIMARY_KEY=${randomString(ALNUM, 32)}`,
        `NEXT_PAGE_TOKEN=${randomString(ALNUM, 32)}`,
        'api_key: settings.acmeCrmApiKey',
        `ACME_CRM_API_KEY_ID=${randomString(ALNUM, 24)}`,
        'ACME_CRM_API_KEY=abc123',
      ],
    },
  },
  {
    id: 'generic-password',
    provider: 'Generic',
    // A broad shape: any provider rule on the same span wins.
    priority: 0,
    description: 'A password or passphrase written in clear next to its name: whoever reads the file can log in.',
    keywords: ['pass', 'pwd', 'passw'],
    pattern: /^(?<secret>[\x21-\x7e]{6,256})$/,
    entropy: 2.2,
    names: namePredicate(isPasswordName),
    verify: looksLikePassword,
    severity: 'high',
    fake: () => randomString(ALNUM, 10) + '!' + randomString(ALNUM, 5),
    examples: {
      matches: () => [`DB_PASSWORD=${randomString(ALNUM, 14)}9`, `smtp:\n  password: "${randomString(ALNUM, 12)}#2"\n`],
      nonMatches: () => [
        'DB_PASSWORD=changeme',
        'DB_PASSWORD=',
        'DB_PASSWORD=${DB_PASSWORD}',
        'password: "{{ .Values.db.password }}"',
        'PASSWORD_MIN_LENGTH=12',
        'password = request.form.password',
        'DB_PASSWORD=password123',
      ],
    },
  },
]
