import {shannonEntropy} from './entropy.js'

/**
 * Placeholder and decoy filters. Every candidate secret passes `isDecoySecret`; values found only by
 * their name (no provider shape) also pass `isUnlikelySecretValue`. Judged on structure (references,
 * masks, runs, wordy placeholders) so a random key is almost never dropped for a chance substring.
 */

/** References to a secret held elsewhere: environment, vault, CI or template interpolation. */
const REFERENCE_ANYWHERE = /\$\{|\$\(|\{\{|\}\}|\{%|<%|%\{|#\{|@@[A-Za-z][\w.:-]*@@/
const REFERENCE_WHOLE = [
  /^\$[A-Za-z_][A-Za-z0-9_]*$/, // $VAR
  /^%[A-Za-z_][A-Za-z0-9_]*%$/, // %VAR%
  /^(?:op|outloop|vault|keychain|secret|secrets|env|aws-?sm|gcp-?sm|azkv|bws|doppler|infisical|sops|pass):\/\//i,
  // The same reference percent-encoded, as a form body or a query string carries it (`outloop%3A%2F%2Facme%2F…`).
  /^(?:op|outloop|vault|keychain|secret|secrets|env|aws-?sm|gcp-?sm|azkv|bws|doppler|infisical|sops|pass)%3A%2F%2F/i,
  /^(?:vault|env|secret|ref|file|keyring|aws-sm|ssm):[A-Za-z0-9_/.-]+/i,
  /^<[^<>]*>$/, // <OPENAI_API_KEY>
  /^\[[^[\]]*\]$/, // [YOUR_KEY]
  /^ENC\[[A-Z0-9_]+(?:,|$)/, // SOPS-encrypted value (a bare value stops at its first comma)
  /^\$ANSIBLE_VAULT;/,
  /^@[A-Za-z][\w.:-]*@$/, // @VAR@ (Maven and Gradle resource filtering); @@VAR@@ anywhere is caught above
]

/** Masks and elisions people leave in docs and screenshots: `sk-****abcd`, `sk-...`, `xxxx`. */
// Runs of x, _ and - must be long: four in a row turn up by chance in about one random 100-character key in 100,000.
const MASKED = /\*{3,}|\u2022|\u25cf|\u2026|\.{3,}|x{6,}|X{6,}|#{4,}|_{6,}|-{6,}|\?{3,}/

/** Long words that never occur in a random key by chance (probability under 1e-9 per position). */
const DECOY_SUBSTRINGS = /^(?:fake|dummy|mock|sample|example)[_-]|example|placeholder|changeme|change_me|redacted|dummy|sample|yourkey|your_key|your-key|yourtoken|insert_|replace_?me|notreal|not_real|not-a-real|fakekey|fake_key|testkey|test_key/i

/** Words that make a value a placeholder when the whole value is made of words like them. */
const PLACEHOLDER_WORDS = new Set([
  'your', 'my', 'our', 'here', 'put', 'enter', 'insert', 'replace', 'add', 'paste', 'set', 'fill', 'goes', 'go',
  'test', 'testing', 'tests', 'demo', 'mock', 'fake', 'foo', 'bar', 'baz', 'qux', 'dummy', 'sample', 'example',
  'placeholder', 'value', 'default', 'none', 'null', 'nil', 'undefined', 'empty', 'todo', 'tbd', 'fixme', 'na',
  'key', 'keys', 'token', 'secret', 'password', 'passwd', 'pass', 'pwd', 'api', 'apikey', 'auth', 'access',
  'private', 'public', 'client', 'id', 'xxx', 'xx', 'x', 'abc', 'xyz', 'changeme', 'change', 'me', 'this',
  'real', 'actual', 'new', 'own', 'the', 'a', 'an', 'of', 'for', 'with', 'and', 'or', 'to', 'be', 'is',
  'true', 'false', 'yes', 'no', 'on', 'off', 'required', 'optional', 'string', 'str', 'hidden', 'redacted',
  'admin', 'root', 'user', 'username', 'guest', 'letmein', 'qwerty', 'hunter', 'welcome', 'local', 'dev',
  'development', 'prod', 'production', 'staging', 'bearer', 'basic', 'secretkey', 'accesskey', 'openai',
])

/**
 * Whether `value` is made only of words (each optionally followed by a short number) and at least one is a
 * placeholder word: `your-api-key-here`, `my_test_token`, `password123`. A random key has segments that mix
 * letters and digits, so it never reads as words.
 */
function isWordyPlaceholder(value: string): boolean {
  const segments = value.split(/[^A-Za-z0-9]+|(?<=[a-z])(?=[A-Z])/)
  let placeholderWords = 0
  let words = 0
  for (const segment of segments) {
    if (segment === '') continue
    if (/^[0-9]{1,4}$/.test(segment)) continue
    const word = /^([A-Za-z]{1,14}?)[0-9]{0,4}$/.exec(segment)
    if (!word || !/^(?:[a-z]+|[A-Z][a-z]*|[A-Z]+)$/.test(word[1])) return false
    words++
    if (PLACEHOLDER_WORDS.has(word[1].toLowerCase())) placeholderWords++
  }
  // Half the words must be placeholder words: `keyNmuwZcoAevRyT4` splits into words but is a key.
  return words > 0 && placeholderWords > 0 && placeholderWords * 2 >= words
}

/**
 * Whether `value` leans on runs of equal or consecutive characters (`QQQQQQ`, `123456`, `abcdef`): it has a run
 * of `limit` or more, and either runs of three or more cover a third of it or what is left is not a long
 * random string. (Twitter bearer tokens open with a run of `A`s and are real; `12345678-ABCD-…` is not.)
 */
function hasRunOrSequence(value: string, limit: number): boolean {
  let longest = 1
  let remainder = ''
  let runStart = 0
  let direction = 2 // no direction yet
  for (let i = 1; i <= value.length; i++) {
    const delta = i < value.length ? value.charCodeAt(i) - value.charCodeAt(i - 1) : 99
    if ((delta === 0 || delta === 1 || delta === -1) && (direction === 2 || delta === direction)) {
      direction = delta
      continue
    }
    const length = i - runStart
    if (length > longest) longest = length
    if (length < 3) remainder += value.slice(runStart, i)
    runStart = i
    direction = 2
  }
  if (longest < limit) return false
  if (remainder.length < value.length * 0.67) return true
  return !(remainder.length >= 20 && shannonEntropy(remainder) >= 3.5)
}

/** Whether a value is too uniform to be generated: few distinct characters for its length. */
function isLowVariety(value: string): boolean {
  if (value.length < 12) return false
  const distinct = new Set(value).size
  // Random hex has all 16 digits by 24 characters; `abababab…` or `1010…` has two.
  return distinct <= 3 || (value.length >= 24 && distinct <= 6)
}

/** Passwords people use in tests and defaults, after undoing leetspeak (`P4ssw0rd`). */
const COMMON_PASSWORDS = new Set([
  'password', 'passw0rd', 'secret', 'letmein', 'qwerty', 'admin', 'changeme', 'welcome', 'iloveyou', 'monkey',
  'dragon', 'master', 'hunter', 'abc123', 'trustno1', 'default', 'root', 'toor', 'guest', 'test', 'pass', 'mypassword',
])

function undoLeet(value: string): string {
  return value
    .toLowerCase()
    .replace(/[0-9@$!]+$/, '')
    .replace(/[@4]/g, 'a')
    .replace(/3/g, 'e')
    .replace(/[1!]/g, 'i')
    .replace(/0/g, 'o')
    .replace(/[5$]/g, 's')
    .replace(/7/g, 't')
}

/** `Basic dXNlcm5hbWU6cGFzc3dvcmQ=` is `username:password`: base64 of readable words hides a placeholder. */
function decodedPlaceholder(value: string): boolean {
  if (value.length < 8 || value.length > 512 || !/^[A-Za-z0-9+/]+={0,2}$/.test(value) || value.length % 4 !== 0) return false
  const decoded = Buffer.from(value, 'base64').toString('latin1')
  if (!/^[\x20-\x7e]+$/.test(decoded) || !/[\s:]/.test(decoded)) return false
  return isWordyPlaceholder(decoded) || decoded.split(/[\s:]+/).every((part) => part === '' || isWordyPlaceholder(part) || COMMON_PASSWORDS.has(undoLeet(part)))
}

/** Why a candidate secret is a decoy (`reference`, `masked`, `placeholder-word`, `run`, `low-variety`, `wordy`), or null. */
export function decoyReason(secret: string): string | null {
  if (secret.length < 4) return 'too-short'
  if (REFERENCE_ANYWHERE.test(secret)) return 'reference'
  for (const pattern of REFERENCE_WHOLE) if (pattern.test(secret)) return 'reference'
  if (MASKED.test(secret)) return 'masked'
  if (DECOY_SUBSTRINGS.test(secret)) return 'placeholder-word'
  if (/[<>]/.test(secret)) return 'angle-brackets'
  if (hasRunOrSequence(secret, 6)) return 'run'
  if (isLowVariety(secret)) return 'low-variety'
  if (isWordyPlaceholder(secret)) return 'wordy'
  if (COMMON_PASSWORDS.has(undoLeet(secret))) return 'common-password'
  if (decodedPlaceholder(secret)) return 'encoded-placeholder'
  return null
}

/** Whether a candidate secret is a placeholder, reference, mask or other decoy rather than a key. */
export function isDecoySecret(secret: string): boolean {
  return decoyReason(secret) !== null
}

const URL_WITHOUT_CREDENTIALS = /^[A-Za-z][A-Za-z0-9+.-]*:\/\/(?![^/?#@\s]*:[^/?#@\s]*@)/
const WINDOWS_PATH = /^(?:[A-Za-z]:\\|\\\\)[\w .\\-]+$/
const FILE_NAME = /^[\w.-]+\.(?:pem|p12|pfx|key|pub|crt|cer|der|jks|keystore|keytab|json|ya?ml|toml|txt|env|ini|cfg|conf|xml|gpg|asc|enc)$/i
/** `settings.apiKey`, `Ed25519.KeyPair`, `X::Y`: member access. A dotted token (`eyBD4J…9jNU.eyb…`) is not. */
const MEMBER_ACCESS = /^[A-Za-z_$][\w$]*(?:(?:\??\.|::|->)[A-Za-z_$][\w$]*)+(?:\(\))?$/
const CODE_EXPRESSION = /^[A-Za-z_$][\w$]*(?:\??\.[A-Za-z_$][\w$]*)*\[|[()]|^(?:process\.env|os\.environ|env|getenv|import|require|this|self)\b/

/** Member access reads as names: digits come in numbers (`v2`, `Ed25519`), not scattered through random letters. */
function isMemberAccess(value: string): boolean {
  if (!MEMBER_ACCESS.test(value)) return false
  const letterDigitSwitches = value.match(/[A-Za-z][0-9]|[0-9][A-Za-z]/g)?.length ?? 0
  return letterDigitSwitches <= 4
}
const NUMBERISH = /^0x[0-9a-fA-F]+$|^[+-]?\d+(?:[.,:]\d+)*[a-zA-Z]{0,3}$|^v?\d+(?:\.\d+){1,3}(?:[-+][\w.]+)?$/
const EMAIL = /^[^@\s:/]+@[^@\s:/]+\.[A-Za-z]{2,}$/
const DATA_URI = /^data:[\w.+-]+\/[\w.+-]+[;,]/i
const INTEGRITY_HASH = /^sha(?:1|256|384|512)-[A-Za-z0-9+/]+=*$/
const HOST_LIKE = /^(?:[a-z0-9-]+\.)+[a-z]{2,}(?::\d+)?$/i

/**
 * `?InterpolationInTemplate`, `my-service-name`: only letters, in segments that read as words (vowels in
 * the proportion of natural language), not a random run of letters.
 */
function isWordsOnly(value: string): boolean {
  const core = value.replace(/^[^A-Za-z0-9]+|[^A-Za-z0-9]+$/g, '')
  if (!/^[A-Za-z]+(?:[-_.][A-Za-z]+)*$/.test(core)) return false
  const segments = core.split(/[-_.]|(?=[A-Z][a-z])/).filter((segment) => segment !== '')
  if (!segments.every((segment) => /^(?:[A-Z][a-z]+|[a-z]{2,}|[A-Z]{2,5})$/.test(segment))) return false
  if (segments.some((segment) => segment.length >= 4 && !/[aeiouyAEIOUY]/.test(segment))) return false
  const letters = core.replace(/[^A-Za-z]/g, '')
  return (letters.match(/[aeiouyAEIOUY]/g)?.length ?? 0) / letters.length >= 0.3
}

/** `config/keys/acme.json`, `secrets/prod/token`: segments that read as words or file names (base64 has `/` too). */
function isRelativePath(value: string): boolean {
  const segments = value.split('/')
  if (segments.length < 2 || segments.slice(0, -1).some((segment) => segment === '')) return false
  return segments.every((segment, index) => {
    const stem = index === segments.length - 1 ? segment.replace(/\.[A-Za-z0-9]{1,5}$/, '') : segment
    if (stem === '') return true
    return /^[a-z0-9._-]+$/.test(stem) ? stem.split(/[._-]/).every((part) => part === '' || isAbbreviation(part) || isWordSegment(part)) : isIdentifierLike(stem)
  })
}

/** printf and format placeholders (`%s`, `{0}`, `{}`), and regular expressions (`[0-9a-f]{1,4}`, `\\d+`). */
const FORMAT_OR_REGEX = /%[sdr]|%\(\w+\)s|\{\d*\}|\[[^\]]*-[^\]]*\]|\{\d+(?:,\d*)?\}|\\[dwsb]/

/**
 * `google_oauth2_credentials`, `imdsv2_session_token`, `urllib2`: segments that read as words (a vowel,
 * at most two trailing digits) or short abbreviations, joined by `_`, `-` or `.`: a name, not a key.
 */
function isIdentifierLike(value: string): boolean {
  if (!/^[A-Za-z][A-Za-z0-9]*(?:[_.-][A-Za-z0-9]+)*$/.test(value)) return false
  const segments = value.split(/[_.-]/)
  if (segments.length > 1 && segments.every((segment) => isAbbreviation(segment) || isWordSegment(segment))) return true
  // CamelCase (`V1SecretProjection`, `Oauth2ClientCredentials`): every piece a word or a short acronym,
  // and at least half of them (two or more) real words. A random mixed-case key breaks into fragments.
  const camel = value.split(/[_.-]|(?<=[a-z0-9])(?=[A-Z])|(?<=[A-Z])(?=[A-Z][a-z])/).filter((segment) => segment !== '')
  if (camel.length > 1) {
    const words = camel.filter(isWordSegment).length
    // Identifiers carry a digit in one piece at most (`Oauth2ClientCredentials`); random keys scatter them.
    if (camel.filter((segment) => /\d/.test(segment)).length > 1) return false
    return camel.every((segment) => isWordSegment(segment) || /^[A-Z]{2,4}\d{0,2}$|^[A-Z]\d{1,2}$|^\d{1,4}$/.test(segment)) && words >= 2 && words * 2 >= camel.length
  }
  return isWordSegment(value)
}

/** `api`, `v2`, `gs`, `2024`: short pieces that identifiers are made of. */
function isAbbreviation(segment: string): boolean {
  return /^[A-Za-z]{1,3}\d{0,2}$|^\d{1,4}$/.test(segment)
}

/** A piece that reads as a word: one case shape, vowels in proportion, no long consonant run, two digits at most. */
function isWordSegment(segment: string): boolean {
  const match = /^((?:[A-Z]?[a-z]+|[A-Z]+))\d{0,2}$/.exec(segment)
  if (!match || match[1].length < 3 || match[1].length > 20) return false
  const letters = match[1].toLowerCase()
  const vowels = letters.match(/[aeiouy]/g)?.length ?? 0
  return vowels / letters.length >= 0.25 && !/[^aeiouy]{5,}/.test(letters)
}

/**
 * Whether a value found only by its name (generic and name rules) is evidently not a secret: a URL
 * without credentials, a path or file name, a code expression, a plain identifier, a number or version,
 * an e-mail address, a host name, a data URI or a lockfile integrity hash.
 */
export function isUnlikelySecretValue(raw: string): boolean {
  if (/\s/.test(raw)) return true
  // Prose ends a value with a full stop or a comma; keys never end that way (base64 pads with `=`).
  const value = raw.replace(/[.,;:]+$/, '')
  if (value === '') return true
  if (/^\$[A-Za-z_][\w]*(?:::|->|\.|\[|\{|$)/.test(value) || value.startsWith('[')) return true
  if (URL_WITHOUT_CREDENTIALS.test(value)) return true
  if (DATA_URI.test(value) || INTEGRITY_HASH.test(value)) return true
  if (WINDOWS_PATH.test(value) || FILE_NAME.test(value) || isRelativePath(value.replace(/^(?:\.{0,2}|~)\//, ''))) return true
  if (CODE_EXPRESSION.test(value) || isMemberAccess(value)) return true
  if (isWordsOnly(value) || isIdentifierLike(value)) return true
  if (FORMAT_OR_REGEX.test(value)) return true
  if (/^[:;,=]/.test(value)) return true
  if (NUMBERISH.test(value) || EMAIL.test(value) || HOST_LIKE.test(value)) return true
  return false
}
