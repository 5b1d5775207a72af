// An independent oracle of fake credentials for the example trees and the accuracy evaluation.
//
// Every generator is written here from the provider's published key format, on purpose *not* imported from
// src/detectors: if the detectors and the oracle shared code, a wrong format would pass its own test.
// Values come from node:crypto so no two runs plant the same key; nothing here is a literal key, so this file
// stays clean for push protection and for `outloop scan .`.
import {randomBytes, randomInt} from 'node:crypto'

const DIGITS = '0123456789'
const LOWER = 'abcdefghijklmnopqrstuvwxyz'
const UPPER = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ'
const ALNUM = DIGITS + LOWER + UPPER
const LETTERS = LOWER + UPPER
const HEX = '0123456789abcdef'
const B64URL = ALNUM + '-_'
const B64 = ALNUM + '+/'
/** GitHub's and npm's base62 checksum alphabet: digits, then upper, then lower case. */
const BASE62 = DIGITS + UPPER + LOWER

/** A random string over `alphabet` from the cryptographic generator. */
export function randomFrom(alphabet, length) {
  let out = ''
  for (let i = 0; i < length; i++) out += alphabet[randomInt(alphabet.length)]
  return out
}

/** A random string of `length` with at least one digit, one lower and one upper letter (real keys always have them). */
function mixedAlnum(length) {
  for (;;) {
    const s = randomFrom(ALNUM, length)
    if (/\d/.test(s) && /[a-z]/.test(s) && /[A-Z]/.test(s)) return s
  }
}

const CRC_TABLE = (() => {
  const table = new Uint32Array(256)
  for (let n = 0; n < 256; n++) {
    let c = n
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1
    table[n] = c >>> 0
  }
  return table
})()

/** CRC-32 (IEEE, as zlib computes it) of an ASCII string; Node 20 before 20.15 has no zlib.crc32. */
export function crc32Ascii(text) {
  let crc = 0xffffffff
  for (let i = 0; i < text.length; i++) crc = CRC_TABLE[(crc ^ text.charCodeAt(i)) & 0xff] ^ (crc >>> 8)
  return (crc ^ 0xffffffff) >>> 0
}

/** A number in base62 (GitHub's alphabet), left-padded with '0' to `width`. */
function base62(n, width) {
  let out = ''
  while (n > 0) {
    out = BASE62[n % 62] + out
    n = Math.floor(n / 62)
  }
  return out.padStart(width, '0')
}

/**
 * GitHub's token layout (blog post "Behind GitHub's new authentication token formats", 2021): prefix, 30 random
 * base62 characters, then the CRC-32 of those 30 characters in base62, padded to 6. npm adopted the same layout.
 */
export function checksummedToken(prefix) {
  const entropy = mixedAlnum(30)
  return prefix + entropy + base62(crc32Ascii(entropy), 6)
}

/** Whether a GitHub/npm style token's last 6 characters are the checksum of its 30-character body. */
export function verifyChecksummedToken(token) {
  const m = /^[a-z]+_([A-Za-z0-9]{30})([A-Za-z0-9]{6})$/.exec(token)
  return m !== null && base62(crc32Ascii(m[1]), 6) === m[2]
}

function uuid() {
  const h = randomBytes(16).toString('hex')
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-a${h.slice(17, 20)}-${h.slice(20, 32)}`
}

function b64urlJson(obj) {
  return Buffer.from(JSON.stringify(obj)).toString('base64url')
}

/** A JWT with the given claims, "signed" with random bytes: structurally real, cryptographically nothing. */
export function fakeJwt(claims) {
  return `${b64urlJson({alg: 'HS256', typ: 'JWT'})}.${b64urlJson(claims)}.${randomBytes(32).toString('base64url')}`
}

function supabaseClaims(role) {
  const iat = 1_700_000_000 + randomInt(20_000_000)
  return {iss: 'supabase', ref: randomFrom(LOWER, 20), role, iat, exp: iat + 10 * 365 * 86_400}
}

/** Base64 wrapped at `width` columns, as PEM and OpenSSH write it. */
function wrap(text, width) {
  const lines = []
  for (let i = 0; i < text.length; i += width) lines.push(text.slice(i, i + width))
  return lines.join('\n')
}

function openSshKey() {
  // "openssh-key-v1\0" then ssh-ed25519 framing; the rest is random so it is no usable key.
  const magic = Buffer.from('openssh-key-v1\0none\0', 'latin1')
  const body = Buffer.concat([magic, randomBytes(380)]).toString('base64')
  return `-----BEGIN OPENSSH PRIVATE KEY-----\n${wrap(body, 70)}\n-----END OPENSSH PRIVATE KEY-----`
}

function rsaKey() {
  // DER of an RSA key starts with SEQUENCE 0x30 0x82 — hence the familiar "MII" opening.
  const body = Buffer.concat([Buffer.from([0x30, 0x82, 0x04, 0xa4, 0x02, 0x01, 0x00, 0x02, 0x82, 0x01, 0x01, 0x00]), randomBytes(1180)])
  return `-----BEGIN RSA PRIVATE KEY-----\n${wrap(body.toString('base64'), 64)}\n-----END RSA PRIVATE KEY-----`
}

function password(length = 24) {
  return mixedAlnum(length)
}

/** Names of secrets with no provider: the generic rule's territory. */
const GENERIC_SECRET_NAMES = ['JWT_SECRET', 'SESSION_SECRET', 'WEBHOOK_SIGNING_SECRET', ['ADMIN', 'PASSWORD'].join('_')]

/**
 * The providers the oracle can plant. `names` are the variable names a person would use (the first is the usual
 * one); `named` marks keys with no recognisable shape, which a scanner can only find through such a name;
 * `multiline` marks PEM blocks; `kind: 'uri'` marks connection strings/URLs whose secret is part of the text.
 */
export const FAKE_PROVIDERS = [
  {id: 'openai-project-key', provider: 'OpenAI', names: ['OPENAI_API_KEY'], make: () => `sk-proj-${randomFrom(B64URL, 74)}T3BlbkFJ${randomFrom(B64URL, 74)}`},
  {id: 'openai-service-account-key', provider: 'OpenAI', names: ['OPENAI_API_KEY', 'OPENAI_SVC_KEY'], make: () => `sk-svcacct-${randomFrom(B64URL, 74)}T3BlbkFJ${randomFrom(B64URL, 74)}`},
  {id: 'openai-legacy-key', provider: 'OpenAI', names: ['OPENAI_API_KEY', 'OPENAI_KEY'], make: () => `sk-${mixedAlnum(20)}T3BlbkFJ${mixedAlnum(20)}`},
  {id: 'anthropic-api-key', provider: 'Anthropic', names: ['ANTHROPIC_API_KEY', 'CLAUDE_API_KEY'], make: () => `sk-ant-api03-${randomFrom(B64URL, 93)}AA`},
  {id: 'google-api-key', provider: 'Google', names: ['GEMINI_API_KEY', 'GOOGLE_API_KEY'], make: () => `AIza${randomFrom(B64URL, 35)}`},
  {id: 'aws-access-key-id', provider: 'AWS', names: ['AWS_ACCESS_KEY_ID'], make: () => `AKIA${randomFrom(UPPER + '234567', 16)}`},
  {id: 'aws-secret-access-key', provider: 'AWS', names: ['AWS_SECRET_ACCESS_KEY'], named: true, make: () => randomFrom(B64, 40)},
  {id: 'github-classic-token', provider: 'GitHub', names: ['GITHUB_TOKEN', 'GH_TOKEN'], make: () => checksummedToken('ghp_')},
  {id: 'github-fine-grained-token', provider: 'GitHub', names: ['GITHUB_TOKEN', 'GITHUB_PAT'], make: () => `github_pat_11${randomFrom(UPPER + DIGITS, 20)}_${mixedAlnum(59)}`},
  {id: 'slack-bot-token', provider: 'Slack', names: ['SLACK_BOT_TOKEN'], make: () => `xoxb-${randomInt(1e9, 1e10)}${randomInt(100, 999)}-${randomInt(1e9, 1e10)}${randomInt(100, 999)}-${mixedAlnum(24)}`},
  {id: 'slack-webhook-url', provider: 'Slack', names: ['SLACK_WEBHOOK_URL'], kind: 'uri', make: () => `https://hooks.slack.com/services/T${randomFrom(UPPER + DIGITS, 10)}/B${randomFrom(UPPER + DIGITS, 10)}/${mixedAlnum(24)}`},
  {id: 'stripe-secret-key', provider: 'Stripe', names: ['STRIPE_SECRET_KEY', 'STRIPE_API_KEY'], make: () => `sk_live_51${mixedAlnum(97)}`},
  {id: 'stripe-restricted-key', provider: 'Stripe', names: ['STRIPE_RESTRICTED_KEY'], make: () => `rk_live_51${mixedAlnum(97)}`},
  {id: 'stripe-webhook-secret', provider: 'Stripe', names: ['STRIPE_WEBHOOK_SECRET'], make: () => `whsec_${mixedAlnum(32)}`},
  {id: 'twilio-auth-token', provider: 'Twilio', names: ['TWILIO_AUTH_TOKEN'], named: true, make: () => randomFrom(HEX, 32)},
  {id: 'sendgrid-api-key', provider: 'SendGrid', names: ['SENDGRID_API_KEY'], make: () => `SG.${randomFrom(B64URL, 22)}.${randomFrom(B64URL, 43)}`},
  {id: 'notion-api-key', provider: 'Notion', names: ['NOTION_API_KEY', 'NOTION_TOKEN'], make: () => `ntn_${randomFrom(DIGITS, 11)}${mixedAlnum(35)}`},
  {id: 'airtable-pat', provider: 'Airtable', names: ['AIRTABLE_API_KEY', 'AIRTABLE_TOKEN'], make: () => `pat${mixedAlnum(14)}.${randomFrom(HEX, 64)}`},
  {id: 'hubspot-private-app-token', provider: 'HubSpot', names: ['HUBSPOT_ACCESS_TOKEN'], make: () => `pat-na1-${uuid()}`},
  {id: 'huggingface-token', provider: 'Hugging Face', names: ['HF_TOKEN', 'HUGGINGFACE_TOKEN'], make: () => `hf_${randomFrom(LETTERS, 34)}`},
  {id: 'replicate-api-token', provider: 'Replicate', names: ['REPLICATE_API_TOKEN'], make: () => `r8_${mixedAlnum(37)}`},
  {id: 'groq-api-key', provider: 'Groq', names: ['GROQ_API_KEY'], make: () => `gsk_${mixedAlnum(52)}`},
  {id: 'mistral-api-key', provider: 'Mistral', names: ['MISTRAL_API_KEY'], named: true, make: () => mixedAlnum(32)},
  {id: 'cohere-api-key', provider: 'Cohere', names: ['COHERE_API_KEY', 'CO_API_KEY'], named: true, make: () => mixedAlnum(40)},
  {id: 'perplexity-api-key', provider: 'Perplexity', names: ['PERPLEXITY_API_KEY', 'PPLX_API_KEY'], make: () => `pplx-${mixedAlnum(48)}`},
  {id: 'elevenlabs-api-key', provider: 'ElevenLabs', names: ['ELEVENLABS_API_KEY', 'XI_API_KEY'], make: () => `sk_${randomFrom(HEX, 48)}`},
  {id: 'pinecone-api-key', provider: 'Pinecone', names: ['PINECONE_API_KEY'], make: () => `pcsk_${mixedAlnum(6)}_${mixedAlnum(63)}`},
  {id: 'supabase-service-role-key', provider: 'Supabase', names: ['SUPABASE_SERVICE_ROLE_KEY'], make: () => fakeJwt(supabaseClaims('service_role'))},
  {id: 'linear-api-key', provider: 'Linear', names: ['LINEAR_API_KEY'], make: () => `lin_api_${mixedAlnum(40)}`},
  {id: 'telegram-bot-token', provider: 'Telegram', names: ['TELEGRAM_BOT_TOKEN'], make: () => `${randomInt(1e9, 8e9)}:AA${randomFrom(B64URL, 33)}`},
  {id: 'discord-webhook-url', provider: 'Discord', names: ['DISCORD_WEBHOOK_URL'], kind: 'uri', make: () => `https://discord.com/api/webhooks/${randomInt(1e9, 1e10)}${randomInt(1e8, 1e9)}/${randomFrom(B64URL, 68)}`},
  {id: 'shopify-access-token', provider: 'Shopify', names: ['SHOPIFY_ACCESS_TOKEN', 'SHOPIFY_ADMIN_TOKEN'], make: () => `shpat_${randomFrom(HEX, 32)}`},
  {id: 'npm-access-token', provider: 'npm', names: ['NPM_TOKEN'], make: () => checksummedToken('npm_')},
  {id: 'pypi-upload-token', provider: 'PyPI', names: ['PYPI_TOKEN', 'TWINE_PASSWORD'], make: () => `pypi-AgEIcHlwaS5vcmc${randomFrom(B64URL, 140)}`},
  {id: 'dockerhub-pat', provider: 'Docker Hub', names: ['DOCKERHUB_TOKEN', 'DOCKER_PASSWORD'], make: () => `dckr_pat_${randomFrom(B64URL, 27)}`},
  {id: 'digitalocean-pat', provider: 'DigitalOcean', names: ['DIGITALOCEAN_TOKEN', 'DO_API_TOKEN'], make: () => `dop_v1_${randomFrom(HEX, 64)}`},
  {id: 'openrouter-api-key', provider: 'OpenRouter', names: ['OPENROUTER_API_KEY'], make: () => `sk-or-v1-${randomFrom(HEX, 64)}`},
  {id: 'langsmith-api-key', provider: 'LangSmith', names: ['LANGSMITH_API_KEY', 'LANGCHAIN_API_KEY'], make: () => `lsv2_pt_${randomFrom(HEX, 32)}_${randomFrom(HEX, 10)}`},
  {id: 'xai-api-key', provider: 'xAI', names: ['XAI_API_KEY', 'GROK_API_KEY'], make: () => `xai-${mixedAlnum(80)}`},
  {id: 'openssh-private-key', provider: 'Private key', names: [], multiline: true, make: openSshKey},
  {id: 'rsa-private-key', provider: 'Private key', names: [], multiline: true, make: rsaKey},
  {id: 'postgres-uri', provider: 'PostgreSQL', names: ['DATABASE_URL'], kind: 'uri', make: (ctx = {}) => `postgres://app_user:${password()}@db.${ctx.host ?? 'internal'}.example.net:5432/app`},
  {id: 'mongodb-uri', provider: 'MongoDB', names: ['MONGODB_URI', 'MONGO_URL'], kind: 'uri', make: (ctx = {}) => `mongodb+srv://admin:${password()}@cluster0.${ctx.host ?? 'shared'}.mongodb.net/prod?retryWrites=true`},
  {id: 'redis-uri', provider: 'Redis', names: ['REDIS_URL'], kind: 'uri', make: (ctx = {}) => `redis://default:${password()}@redis-${randomInt(10000, 99999)}.${ctx.host ?? 'cache'}.example.net:6379`},
  {id: 'generic-secret', provider: 'Generic', names: GENERIC_SECRET_NAMES, named: true, make: () => mixedAlnum(40)},
]

/** The oracle entry for a provider id; throws on a typo so a tree never plants an unknown kind. */
export function fakeProvider(id) {
  const p = FAKE_PROVIDERS.find(x => x.id === id)
  if (!p) throw new Error(`unknown fake provider ${id}`)
  return p
}

/** A fresh fake value for provider `id`. */
export function makeFake(id, ctx) {
  return fakeProvider(id).make(ctx)
}

// AWS's documented example credentials, assembled so this file holds no key-shaped literal.
const AWS_DOC_ID = 'AKIA' + 'IOSFODNN7' + 'EXAMPLE'
const AWS_DOC_SECRET = ['wJalrXUtnFEMI', 'K7MDENG', 'bPxRfiCY' + 'EXAMPLEKEY'].join('/')

/**
 * Decoys a good scanner must NOT report: each is `{kind, name, make}` where `name` is the variable it usually
 * sits under (null: free text) and `make()` gives the text. Kinds: placeholder, reference, masked, doc-example,
 * uuid, hash, publishable.
 */
export const DECOYS = [
  {kind: 'placeholder', name: 'OPENAI_API_KEY', make: () => 'your-api-key-here'},
  {kind: 'placeholder', name: 'OPENAI_API_KEY', make: () => 'sk-...'},
  {kind: 'placeholder', name: 'ANTHROPIC_API_KEY', make: () => '<ANTHROPIC_API_KEY>'},
  {kind: 'placeholder', name: 'ADMIN_PASSWORD', make: () => 'changeme'},
  {kind: 'placeholder', name: 'STRIPE_SECRET_KEY', make: () => 'sk_live_xxxxxxxxxxxxxxxxxxxxxxxx'},
  {kind: 'placeholder', name: 'GITHUB_TOKEN', make: () => 'ghp_' + 'x'.repeat(36)},
  {kind: 'placeholder', name: 'SLACK_BOT_TOKEN', make: () => 'xoxb-your-token'},
  {kind: 'placeholder', name: 'MISTRAL_API_KEY', make: () => 'REPLACE_ME'},
  {kind: 'placeholder', name: 'COHERE_API_KEY', make: () => 'insert-your-cohere-key'},
  {kind: 'placeholder', name: 'TWILIO_AUTH_TOKEN', make: () => 'your_auth_token'},
  {kind: 'reference', name: 'OPENAI_API_KEY', make: () => '${OPENAI_API_KEY}'},
  {kind: 'reference', name: 'ANTHROPIC_API_KEY', make: () => '${env:ANTHROPIC_API_KEY}'},
  {kind: 'reference', name: 'STRIPE_SECRET_KEY', make: () => '$${STRIPE_SECRET_KEY}'},
  {kind: 'reference', name: 'GITHUB_TOKEN', make: () => '${{ secrets.GITHUB_TOKEN }}'},
  {kind: 'reference', name: 'NOTION_API_KEY', make: () => 'op://Agency/Notion/credential'},
  {kind: 'reference', name: 'SLACK_BOT_TOKEN', make: () => 'outloop://acme/slack-bot-token'},
  {kind: 'reference', name: 'DATABASE_URL', make: () => 'postgres://app_user:${DB_PASSWORD}@db:5432/app'},
  {kind: 'masked', name: 'OPENAI_API_KEY', make: () => `sk-proj-****${randomFrom(LOWER + DIGITS, 4)}`},
  {kind: 'masked', name: 'ANTHROPIC_API_KEY', make: () => `sk-ant-...${randomFrom(LOWER + DIGITS, 4)}`},
  {kind: 'masked', name: 'GITHUB_TOKEN', make: () => 'ghp_' + '*'.repeat(32) + randomFrom(LOWER, 4)},
  {kind: 'doc-example', name: 'AWS_ACCESS_KEY_ID', make: () => AWS_DOC_ID},
  {kind: 'doc-example', name: 'AWS_SECRET_ACCESS_KEY', make: () => AWS_DOC_SECRET},
  {kind: 'uuid', name: 'REQUEST_ID', make: uuid},
  {kind: 'uuid', name: 'WORKSPACE_ID', make: uuid},
  {kind: 'uuid', name: 'CORRELATION_ID', make: uuid},
  {kind: 'hash', name: 'GIT_SHA', make: () => randomFrom(HEX, 40)},
  {kind: 'hash', name: 'ASSET_CHECKSUM', make: () => randomFrom(HEX, 64)},
  {kind: 'publishable', name: 'STRIPE_PUBLISHABLE_KEY', make: () => `pk_live_51${mixedAlnum(97)}`},
  {kind: 'publishable', name: 'NEXT_PUBLIC_SUPABASE_ANON_KEY', make: () => fakeJwt(supabaseClaims('anon'))},
]

/** Decoys of one kind (or all), for placing under their usual names. */
export function decoysOfKind(kind) {
  return kind ? DECOYS.filter(d => d.kind === kind) : DECOYS
}

/** A lockfile integrity hash (`sha512-` + base64 of 64 bytes): high entropy, never a secret. */
export function lockfileIntegrity() {
  return `sha512-${randomBytes(64).toString('base64')}`
}

/** A small valid PNG (1x1) followed by random bytes: binary content the scanner must skip. */
export function fakePngBytes(extra = 256) {
  const png = Buffer.from('89504e470d0a1a0a0000000d4948445200000001000000010806000000', 'hex')
  return Buffer.concat([png, randomBytes(extra)])
}

/** A random uuid, for ids that are not secrets. */
export function fakeUuid() {
  return uuid()
}
