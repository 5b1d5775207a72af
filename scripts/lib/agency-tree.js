// Builds a realistic agency folder full of fake keys, and the truth about every key and decoy in it.
//
// The layout is what an agency running agents for many clients ends up with: one folder per client holding
// .env files, compose files, MCP and agent configs, skills, notes, cron and systemd units, CI workflows,
// Kubernetes secrets, credential files, notebooks, deploy keys and source code, plus a lot of harmless files.
// The situations the scanner must report are planted on purpose: copies within a client (duplicates), one key in
// two clients (cross-client), shared `_templates/` and `_skills/` holding a client's key, and a skill copied from
// one client into another that still holds the first client's key and names its accounts.
//
// Structure (which files, which providers, which styles) follows `seed`; key values come from node:crypto, so the
// truth is only known through the returned object. Truth paths are relative to `scanRoot` (`<root>/clients`),
// exactly as the scanner reports them.
import {existsSync, mkdirSync, readdirSync, rmSync, writeFileSync} from 'node:fs'
import {dirname, join} from 'node:path'

import {DECOYS, FAKE_PROVIDERS, fakePngBytes, fakeProvider, fakeUuid, lockfileIntegrity} from './fake-providers.js'
import {TreeFile, isPlantMark, plantDecoy, plantSecret} from './tree-writer.js'

/** The bundled example's clients. */
export const DEFAULT_CLIENTS = ['acme', 'globex', 'initech', 'umbrella', 'hooli']

/** Fictional client names the evaluation draws from, so each unseen tree has other folders. */
export const CLIENT_POOL = [
  'acme', 'globex', 'initech', 'umbrella', 'hooli', 'vandelay', 'soylent', 'stark', 'wayne', 'tyrell',
  'cyberdyne', 'wonka', 'oscorp', 'massive-dynamic', 'aperture', 'black-mesa', 'gringotts', 'monarch',
  'dunder-mifflin', 'pied-piper', 'bluth', 'kramerica', 'prestige', 'sterling-cooper', 'wernham-hogg',
  'nakatomi', 'virtucon', 'gekko', 'duff', 'krusty', 'buy-n-large', 'weyland', 'zorg', 'octan', 'spacely',
  'cogswell', 'ollivanders', 'blue-sun', 'veridian', 'rekall', 'omni', 'lacuna', 'yoyodyne', 'paper-street',
]

/** A small seeded generator (mulberry32): the tree's shape is reproducible, its keys are not. */
export function seededRandom(seed) {
  let a = seed >>> 0
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
  return {
    next,
    int: (lo, hi) => lo + Math.floor(next() * (hi - lo + 1)),
    chance: p => next() < p,
    pick: arr => arr[Math.floor(next() * arr.length)],
    sample(arr, k) {
      const copy = [...arr]
      for (let i = copy.length - 1; i > 0; i--) {
        const j = Math.floor(next() * (i + 1))
        ;[copy[i], copy[j]] = [copy[j], copy[i]]
      }
      return copy.slice(0, k)
    },
  }
}

/** `n` distinct client names from the pool (numbered past its end), shuffled by `seed`. */
export function pickClientNames(n, seed) {
  const rng = seededRandom(seed)
  const names = rng.sample(CLIENT_POOL, Math.min(n, CLIENT_POOL.length))
  for (let i = names.length; i < n; i++) names.push(`${CLIENT_POOL[i % CLIENT_POOL.length]}-${Math.floor(i / CLIENT_POOL.length) + 1}`)
  return names
}

const title = name => name.split('-').map(w => w[0].toUpperCase() + w.slice(1)).join(' ')

/** Keys a client may hold in its env-style files; variable names come from the oracle. */
const ENV_PROVIDERS = [
  'gemini', 'aws-id', 'github', 'slack-bot-token', 'slack-webhook-url', 'stripe', 'stripe-webhook-secret',
  'twilio-auth-token', 'sendgrid-api-key', 'notion-api-key', 'airtable-pat', 'hubspot-private-app-token',
  'huggingface-token', 'replicate-api-token', 'groq-api-key', 'mistral-api-key', 'cohere-api-key',
  'perplexity-api-key', 'elevenlabs-api-key', 'pinecone-api-key', 'supabase-service-role-key', 'linear-api-key',
  'telegram-bot-token', 'discord-webhook-url', 'shopify-access-token', 'dockerhub-pat', 'digitalocean-pat',
  'openrouter-api-key', 'langsmith-api-key', 'xai-api-key', 'postgres-uri', 'mongodb-uri', 'redis-uri', 'generic-secret',
]

/** Roles that stand for one of several oracle kinds; each client settles on one. */
const ROLE_CHOICES = {
  openai: ['openai-project-key', 'openai-project-key', 'openai-service-account-key', 'openai-legacy-key'],
  anthropic: ['anthropic-api-key'],
  gemini: ['google-api-key'],
  'aws-id': ['aws-access-key-id'],
  'aws-secret': ['aws-secret-access-key'],
  github: ['github-classic-token', 'github-classic-token', 'github-fine-grained-token'],
  stripe: ['stripe-secret-key'],
  'stripe-rk': ['stripe-restricted-key'],
  npm: ['npm-access-token'],
  pypi: ['pypi-upload-token'],
  ssh: ['openssh-private-key'],
  rsa: ['rsa-private-key'],
}

/** One client's keys, created on first use so every file that asks for a role gets the same value (copies). */
class ClientKeys {
  constructor(tenant, rng, shared) {
    this.tenant = tenant
    this.rng = rng
    this.keys = new Map(shared)
    this.names = new Map()
  }

  /** The key for `role` (and `slot`, for a second key of the same kind). */
  get(role, slot = '') {
    const id = role + (slot ? `#${slot}` : '')
    let key = this.keys.get(id)
    if (!key) {
      const oracle = fakeProvider(this.rng.pick(ROLE_CHOICES[role] ?? [role]))
      key = {oracle: oracle.id, provider: oracle.provider, value: oracle.make({host: this.tenant}), owner: this.tenant, names: oracle.names}
      this.keys.set(id, key)
    }
    return key
  }

  /** The variable name this client uses for `role` (stable within the client). */
  name(role, slot = '') {
    const id = role + (slot ? `#${slot}` : '')
    if (!this.names.has(id)) {
      const names = this.get(role, slot).names
      this.names.set(id, names.length ? this.rng.pick(names) : role.toUpperCase().replace(/-/g, '_'))
    }
    return this.names.get(id)
  }
}

/** Decoy text under its usual name: `decoy('placeholder')` or `decoy('uuid', 'REQUEST_ID')`. */
function makeDecoy(rng, kind, name) {
  const choices = DECOYS.filter(d => d.kind === kind && (!name || d.name === name))
  const d = rng.pick(choices.length ? choices : DECOYS.filter(x => x.kind === kind))
  return {kind: d.kind, name: name ?? d.name, value: d.make()}
}

/** Collects the files of one tree. */
class TreeBuilder {
  constructor(seed) {
    this.rng = seededRandom(seed)
    this.files = []
    this.binaries = []
    this.lazies = []
    this.paths = new Set()
    this.noiseRng = seededRandom(seed ^ 0x27d4eb2f)
  }

  #claim(rel) {
    // Two writers of one path would leave truth for text that is no longer on disk.
    if (this.paths.has(rel)) throw new Error(`tree writes ${rel} twice`)
    this.paths.add(rel)
  }

  text(rel, opts) {
    this.#claim(rel)
    const f = new TreeFile(rel, opts)
    this.files.push(f)
    return f
  }

  binary(rel, bytes) {
    this.#claim(rel)
    this.binaries.push({rel, bytes})
  }

  plain(rel, content) {
    this.text(rel).raw(content)
  }

  /** A harmless file made only when written, so a 200 MB benchmark tree is never held in memory at once. */
  lazy(rel, make) {
    this.#claim(rel)
    this.lazies.push({rel, make})
  }
}

// ---------- JSON with planted values ----------

/** A JSON string leaf made of literal text and markers: `jsonParts('Bearer ', plantSecret(k))`. */
function jsonParts(...parts) {
  return {jsonParts: parts}
}

/** Writes `value` as JSON (2-space indent, or `indent`) into `f`; markers become strings at their exact offsets. */
function writeJson(f, value, indent = '  ', depth = 0) {
  const pad = indent.repeat(depth)
  const inner = indent.repeat(depth + 1)
  if (isPlantMark(value)) {
    f.add`"${value}"`
  } else if (value && value.jsonParts) {
    f.raw('"')
    for (const part of value.jsonParts) {
      if (isPlantMark(part)) f.add`${part}`
      else f.raw(JSON.stringify(part).slice(1, -1))
    }
    f.raw('"')
  } else if (Array.isArray(value)) {
    if (value.length === 0) return f.raw('[]')
    f.raw('[\n')
    value.forEach((v, i) => {
      f.raw(inner)
      writeJson(f, v, indent, depth + 1)
      f.raw(i < value.length - 1 ? ',\n' : '\n')
    })
    f.raw(`${pad}]`)
  } else if (value && typeof value === 'object') {
    const entries = Object.entries(value)
    if (entries.length === 0) return f.raw('{}')
    f.raw('{\n')
    entries.forEach(([k, v], i) => {
      f.raw(`${inner}${JSON.stringify(k)}: `)
      writeJson(f, v, indent, depth + 1)
      f.raw(i < entries.length - 1 ? ',\n' : '\n')
    })
    f.raw(`${pad}}`)
  } else {
    f.raw(JSON.stringify(value))
  }
  return f
}

// ---------- per-client files ----------

/** A dotenv line in one of the styles people write. */
function envLine(f, rng, name, mark) {
  const style = rng.int(0, 9)
  if (style <= 4) f.line`${name}=${mark}`
  else if (style === 5) f.line`export ${name}=${mark}`
  else if (style === 6) f.line`${name}="${mark}"`
  else if (style === 7) f.line`${name}='${mark}'`
  else if (style === 8) f.line`${name}=${mark} # rotated ${rng.int(1, 12)}/2024`
  else f.line`${name} = "${mark}"`
}

function envFiles(t, c, dir, envRoles) {
  const {rng} = t
  const f = t.text(`${dir}/.env`)
  f.line`# ${title(c.tenant)} — local agent environment`
  f.line`NODE_ENV=development`
  f.line`PORT=${rng.int(3000, 3999)}`
  for (const role of envRoles) {
    if (rng.chance(0.15)) {
      const d = makeDecoy(rng, 'placeholder')
      f.line`# ${d.name}=${plantDecoy(d)}`
    }
    envLine(f, rng, c.name(role), plantSecret(c.get(role)))
    if (role === 'aws-id') envLine(f, rng, 'AWS_SECRET_ACCESS_KEY', plantSecret(c.get('aws-secret')))
  }
  const pub = makeDecoy(rng, 'publishable')
  f.line`${pub.name}=${plantDecoy(pub)}`
  const id = makeDecoy(rng, 'uuid')
  f.line`${id.name}=${plantDecoy(id)}`
  f.line`LOG_LEVEL=info`

  // Production copies most of the same keys (the duplicates people make), sometimes from a Windows editor.
  const p = t.text(`${dir}/.env.production`, {eol: rng.chance(0.3) ? '\r\n' : '\n'})
  p.line`NODE_ENV=production`
  for (const role of envRoles) {
    if (rng.chance(0.6)) envLine(p, rng, c.name(role), plantSecret(c.get(role)))
    else if (rng.chance(0.5)) envLine(p, rng, c.name(role), plantSecret(c.get(role, 'prod')))
  }
  const ref = makeDecoy(rng, 'reference', 'OPENAI_API_KEY')
  p.line`OPENAI_FALLBACK_KEY=${plantDecoy(ref)}`

  const ex = t.text(`${dir}/.env.example`)
  ex.line`# Copy to .env and fill in`
  for (const d of rng.sample(DECOYS.filter(x => x.kind === 'placeholder' || x.kind === 'masked'), 5)) {
    ex.line`${d.name}=${plantDecoy({kind: d.kind, name: d.name, value: d.make()})}`
  }
}

function composeFile(t, c, dir, roles) {
  const {rng} = t
  const [a, b, x, y] = roles
  const f = t.text(`${dir}/docker-compose.yml`)
  f.line`services:`
  f.line`  agent:`
  f.line`    image: ghcr.io/${c.tenant}/agent:${rng.int(1, 9)}.${rng.int(0, 20)}`
  f.line`    env_file: .env`
  f.line`    environment:`
  f.line`      NODE_ENV: production`
  f.line`      ${c.name('openai')}: ${plantSecret(c.get('openai'))}`
  const ref = makeDecoy(rng, 'reference', 'ANTHROPIC_API_KEY')
  f.line`      ANTHROPIC_API_KEY: "${plantDecoy(ref)}"`
  f.line`      ${c.name(a)}: "${plantSecret(c.get(a))}"`
  f.line`    ports:`
  f.line`      - "8080:8080"`
  f.line`  worker:`
  f.line`    build:`
  f.line`      context: .`
  f.line`      args:`
  f.line`        NPM_TOKEN: ${plantSecret(c.get('npm'))}`
  f.line`    environment:`
  f.line`      - ${c.name('redis-uri')}=${plantSecret(c.get('redis-uri'))}`
  f.line`      - ${c.name(b)}=${plantSecret(c.get(b))}`
  f.line`      - QUEUE=jobs`
  const dollar = makeDecoy(rng, 'reference', 'STRIPE_SECRET_KEY')
  f.line`      - STRIPE_SECRET_KEY=${plantDecoy(dollar)}`
  f.line`  db:`
  f.line`    image: postgres:16`
  f.line`    environment:`
  f.line`      POSTGRES_USER: app`
  f.line`      POSTGRES_PASSWORD: ${plantSecret(c.get('generic-secret', 'pg'))}`
  if (x && y) {
    f.line`  scheduler:`
    f.line`    image: ghcr.io/${c.tenant}/scheduler:latest`
    f.line`    environment: {${c.name(x)}: ${plantSecret(c.get(x))}, TZ: UTC}`
  }
}

function dockerfile(t, c, dir, role) {
  const {rng} = t
  const f = t.text(`${dir}/Dockerfile`)
  const sha = makeDecoy(rng, 'hash', 'ASSET_CHECKSUM')
  f.line`FROM node:20-slim`
  f.line`ARG ASSET_CHECKSUM=${plantDecoy(sha)}`
  f.line`ARG NPM_TOKEN=${plantSecret(c.get('npm'))}`
  f.line`WORKDIR /app`
  f.line`ENV NODE_ENV=production`
  f.line`ENV ${c.name('openai')}=${plantSecret(c.get('openai'))}`
  f.line`ENV ${c.name(role)} ${plantSecret(c.get(role))}`
  f.line`COPY package*.json ./`
  f.line`RUN npm ci --omit=dev`
  f.line`COPY . .`
  f.line`CMD ["node", "server.js"]`
}

/** MCP server entries people paste into .mcp.json and .cursor/mcp.json. */
const MCP_SERVERS = {
  github: c => ({command: 'npx', args: ['-y', '@modelcontextprotocol/server-github'], env: {GITHUB_PERSONAL_ACCESS_TOKEN: plantSecret(c.get('github'))}}),
  notion: c => ({type: 'http', url: 'https://mcp.notion.com/mcp', headers: {Authorization: jsonParts('Bearer ', plantSecret(c.get('notion-api-key')))}}),
  stripe: c => ({command: 'npx', args: ['-y', '@stripe/mcp', '--tools=all', jsonParts('--api-key=', plantSecret(c.get('stripe-rk')))]}),
  postgres: c => ({command: 'npx', args: ['-y', '@modelcontextprotocol/server-postgres', plantSecret(c.get('postgres-uri'))]}),
  slack: c => ({command: 'npx', args: ['-y', '@modelcontextprotocol/server-slack'], env: {SLACK_BOT_TOKEN: plantSecret(c.get('slack-bot-token')), SLACK_CHANNEL: '#ops'}}),
  supabase: c => ({command: 'npx', args: ['-y', '@supabase/mcp-server-supabase'], env: {SUPABASE_URL: `https://${c.tenant}.supabase.co`, SUPABASE_SERVICE_ROLE_KEY: plantSecret(c.get('supabase-service-role-key'))}}),
  pinecone: c => ({command: 'npx', args: ['-y', '@pinecone-database/mcp'], env: {PINECONE_API_KEY: plantSecret(c.get('pinecone-api-key'))}}),
  elevenlabs: c => ({command: 'uvx', args: ['elevenlabs-mcp'], env: {ELEVENLABS_API_KEY: plantSecret(c.get('elevenlabs-api-key'))}}),
  perplexity: c => ({command: 'npx', args: ['-y', 'server-perplexity-ask'], env: {PERPLEXITY_API_KEY: plantSecret(c.get('perplexity-api-key'))}}),
  airtable: c => ({command: 'npx', args: ['-y', 'airtable-mcp-server'], env: {AIRTABLE_API_KEY: plantSecret(c.get('airtable-pat'))}}),
  hubspot: c => ({command: 'npx', args: ['-y', '@hubspot/mcp-server'], env: {PRIVATE_APP_ACCESS_TOKEN: plantSecret(c.get('hubspot-private-app-token'))}}),
  linear: c => ({type: 'sse', url: 'https://mcp.linear.app/sse', headers: {Authorization: jsonParts('Bearer ', plantSecret(c.get('linear-api-key')))}}),
  docs: (c, rng) => ({command: 'npx', args: ['-y', 'docs-mcp'], env: {OPENAI_API_KEY: plantDecoy(makeDecoy(rng, 'reference', 'OPENAI_API_KEY'))}}),
}

function mcpFile(t, c, rel, count) {
  const names = t.rng.sample(Object.keys(MCP_SERVERS), count)
  const servers = {}
  for (const n of names) servers[n] = MCP_SERVERS[n](c, t.rng)
  writeJson(t.text(rel), {mcpServers: servers}).raw('\n')
}

function claudeSettings(t, c, dir) {
  const {rng} = t
  const env = {[c.name('anthropic')]: plantSecret(c.get('anthropic')), DISABLE_TELEMETRY: '1'}
  if (rng.chance(0.6)) env[c.name('mistral-api-key')] = plantSecret(c.get('mistral-api-key'))
  const settings = {
    env,
    permissions: {allow: ['Bash(npm run test:*)', 'Read(./src/**)'], deny: ['Read(./.env)', 'Read(./.env.*)']},
    hooks: {
      Stop: [{hooks: [{type: 'command', command: jsonParts(`curl -s -X POST -H 'Content-type: application/json' --data '{"text":"Claude finished a task for ${c.tenant}"}' `, plantSecret(c.get('slack-webhook-url')))}]}],
      PostToolUse: [{matcher: 'Edit|Write', hooks: [{type: 'command', command: 'npx prettier --write "$CLAUDE_FILE_PATHS"'}]}],
    },
  }
  writeJson(t.text(`${dir}/.claude/settings.json`), settings).raw('\n')
}

function codexConfig(t, c, dir) {
  const {rng} = t
  const f = t.text(`${dir}/.codex/config.toml`)
  f.line`model = "gpt-5-codex"`
  f.line`approval_policy = "on-request"`
  f.line``
  f.line`[mcp_servers.linear]`
  f.line`command = "npx"`
  f.line`args = ["-y", "mcp-remote", "https://mcp.linear.app/sse"]`
  f.line``
  f.line`[mcp_servers.linear.env]`
  f.line`LINEAR_API_KEY = "${plantSecret(c.get('linear-api-key'))}"`
  f.line``
  f.line`[mcp_servers.github]`
  f.line`url = "https://api.githubcopilot.com/mcp/"`
  f.line`http_headers = { Authorization = "Bearer ${plantSecret(c.get('github'))}" }`
  f.line``
  f.line`[mcp_servers.research]`
  f.line`command = "uvx"`
  f.line`args = ["perplexity-mcp"]`
  f.line`env = { ${c.name('perplexity-api-key')} = "${plantSecret(c.get('perplexity-api-key'))}", PPLX_MODEL = "sonar" }`
  if (rng.chance(0.5)) {
    f.line``
    f.line`[shell_environment_policy]`
    f.line`set = { OPENAI_API_KEY = "${plantDecoy(makeDecoy(rng, 'reference', 'OPENAI_API_KEY'))}" }`
  }
}

/** Skills: a provider, the account names it points at, and the files people write for it. */
const SKILLS = {
  'shopify-orders': {role: 'shopify-access-token', header: 'X-Shopify-Access-Token: ', endpoint: o => `https://${o}-store.myshopify.com/admin/api/2024-10/orders.json`},
  'slack-digest': {role: 'slack-bot-token', header: 'Authorization: Bearer ', endpoint: () => 'https://slack.com/api/chat.postMessage'},
  newsletter: {role: 'sendgrid-api-key', header: 'Authorization: Bearer ', endpoint: () => 'https://api.sendgrid.com/v3/mail/send'},
  'crm-sync': {role: 'hubspot-private-app-token', header: 'Authorization: Bearer ', endpoint: () => 'https://api.hubapi.com/crm/v3/objects/contacts'},
  'voice-notes': {role: 'elevenlabs-api-key', header: 'xi-api-key: ', endpoint: () => 'https://api.elevenlabs.io/v1/text-to-speech'},
  'research-brief': {role: 'groq-api-key', header: 'Authorization: Bearer ', endpoint: () => 'https://api.groq.com/openai/v1/chat/completions'},
  'telegram-alerts': {role: 'telegram-bot-token', header: null, endpoint: () => 'https://api.telegram.org/bot'},
  'image-gen': {role: 'replicate-api-token', header: 'Authorization: Bearer ', endpoint: () => 'https://api.replicate.com/v1/predictions'},
}

/**
 * Writes one skill into `dir` with the key of `keys` (the owner's) and the owner's account names. A copied skill
 * is the owner's skill written into another client's folder, unchanged. `withKey: false` writes the same skill
 * with only a reference, as a careful person would have left it.
 */
function writeSkill(t, dir, skillName, owner, keys, {withKey = true} = {}) {
  const s = SKILLS[skillName]
  const key = keys.get(s.role)
  const varName = keys.name(s.role)
  const account = 4_000_000 + (hashName(owner) % 900_000)
  const secret = () => (withKey ? plantSecret(key) : `\${${varName}}`)
  const md = t.text(`${dir}/skills/${skillName}/SKILL.md`)
  md.line`---`
  md.line`name: ${skillName}`
  md.line`description: ${title(skillName)} for ${title(owner)}. Posts a summary to #ops in ${owner}.slack.com when done.`
  md.line`---`
  md.line``
  md.line`# ${title(skillName)}`
  md.line``
  md.line`Account: ${title(owner)} (account id ${account}), store ${owner}-store.myshopify.com, workspace ${owner}.slack.com.`
  md.line``
  md.line`## Setup`
  md.line``
  md.line`\`\`\`bash`
  md.line`export ${varName}=${secret()}`
  md.line`export ACCOUNT_ID=${account}`
  md.line`\`\`\``
  md.line``
  md.line`## Run`
  md.line``
  md.line`\`\`\`bash`
  if (s.header) md.line`curl -s -H "${s.header}${secret()}" ${s.endpoint(owner)}`
  else md.line`curl -s "${s.endpoint(owner)}${secret()}/getMe"`
  md.line`python scripts/run.py --account ${account}`
  md.line`\`\`\``
  md.line``
  md.line`Never paste the key into chat; the agent reads it from the environment.`

  const py = t.text(`${dir}/skills/${skillName}/scripts/run.py`)
  py.line`import os`
  py.line`import sys`
  py.line``
  py.line`ACCOUNT_ID = "${account}"`
  py.line`WORKSPACE = "${owner}.slack.com"`
  py.line`STORE = "${owner}-store.myshopify.com"`
  if (withKey) py.line`API_KEY = os.environ.get("${varName}", "${secret()}")`
  else py.line`API_KEY = os.environ["${varName}"]`
  py.line``
  py.line``
  py.line`def main(argv):`
  py.line`    print(f"running ${skillName} for {ACCOUNT_ID}", file=sys.stderr)`
  py.line`    return 0`
  py.line``
  py.line``
  py.line`if __name__ == "__main__":`
  py.line`    sys.exit(main(sys.argv[1:]))`
}

function hashName(name) {
  let h = 2166136261
  for (const ch of name) h = Math.imul(h ^ ch.charCodeAt(0), 16777619) >>> 0
  return h
}

function notes(t, c, dir) {
  const {rng} = t
  const f = t.text(`${dir}/notes/setup.md`)
  f.line`# ${title(c.tenant)} — setup notes`
  f.line``
  f.line`Ask before rotating anything; the ${c.tenant} ops channel has the history.`
  f.line``
  f.line`## Where things live`
  f.line``
  f.line`- Vault item: ${plantDecoy(makeDecoy(rng, 'reference', 'NOTION_API_KEY'))}`
  f.line`- Workspace id: ${plantDecoy(makeDecoy(rng, 'uuid', 'WORKSPACE_ID'))}`
  f.line`- Old OpenAI key (revoked): ${plantDecoy(makeDecoy(rng, 'masked', 'OPENAI_API_KEY'))}`
  f.line``
  f.line`## Keys (temporary — move these to the vault!)`
  f.line``
  f.line`OpenAI key we use for ${c.tenant}: ${plantSecret(c.get('openai'))}`
  const free = rng.sample(['groq-api-key', 'xai-api-key', 'openrouter-api-key', 'huggingface-token', 'gemini'], 2)
  for (const role of free) f.line`- ${fakeProvider(c.get(role).oracle).provider}: ${plantSecret(c.get(role))}`
  f.line``
  f.line`\`\`\`bash`
  f.line`export ${c.name('cohere-api-key')}=${plantSecret(c.get('cohere-api-key'))}`
  f.line`psql "${plantSecret(c.get('postgres-uri'))}" -c 'select 1'`
  f.line`\`\`\``
  f.line``
  f.line`The example in the provider docs uses ${plantDecoy(makeDecoy(rng, 'doc-example', 'AWS_ACCESS_KEY_ID'))}; ours is in .env.`
}

function crontab(t, c, dir) {
  const f = t.text(`${dir}/crontab`)
  f.line`# m h dom mon dow command`
  f.line`SHELL=/bin/bash`
  f.line`MAILTO=ops@${c.tenant}.example`
  f.line`*/15 * * * * cd /srv/${c.tenant} && ${c.name('openai')}=${plantSecret(c.get('openai'))} node jobs/sync.js >> /var/log/${c.tenant}-sync.log 2>&1`
  f.line`0 6 * * 1 TELEGRAM_BOT_TOKEN=${plantSecret(c.get('telegram-bot-token'))} /srv/${c.tenant}/bin/weekly-report.sh`
  f.line`30 2 * * * /srv/${c.tenant}/bin/backup.sh --quiet`
}

function systemdUnit(t, c, dir) {
  const f = t.text(`${dir}/deploy/${c.tenant}-agent.service`)
  f.line`[Unit]`
  f.line`Description=${title(c.tenant)} agent worker`
  f.line`After=network.target`
  f.line``
  f.line`[Service]`
  f.line`Type=simple`
  f.line`User=agent`
  f.line`WorkingDirectory=/srv/${c.tenant}`
  f.line`Environment=NODE_ENV=production`
  f.line`Environment=${c.name('anthropic')}=${plantSecret(c.get('anthropic'))}`
  f.line`Environment="${c.name('redis-uri')}=${plantSecret(c.get('redis-uri'))}"`
  f.line`Environment="${c.name('openrouter-api-key')}=${plantSecret(c.get('openrouter-api-key'))}" "LOG_LEVEL=info"`
  f.line`EnvironmentFile=-/etc/${c.tenant}/agent.env`
  f.line`ExecStart=/usr/bin/node /srv/${c.tenant}/server.js`
  f.line`Restart=on-failure`
  f.line``
  f.line`[Install]`
  f.line`WantedBy=multi-user.target`
}

function workflow(t, c, dir) {
  const {rng} = t
  const f = t.text(`${dir}/.github/workflows/deploy.yml`)
  f.line`name: deploy`
  f.line`on:`
  f.line`  push:`
  f.line`    branches: [main]`
  f.line`jobs:`
  f.line`  deploy:`
  f.line`    runs-on: ubuntu-latest`
  f.line`    env:`
  f.line`      NODE_ENV: production`
  f.line`      OPENAI_API_KEY: ${plantDecoy(makeDecoy(rng, 'reference', 'GITHUB_TOKEN'))}`
  f.line`      ${c.name('digitalocean-pat')}: ${plantSecret(c.get('digitalocean-pat'))}`
  f.line`    steps:`
  f.line`      - uses: actions/checkout@v4`
  f.line`      - uses: docker/login-action@v3`
  f.line`        with:`
  f.line`          username: ${c.tenant.replace(/-/g, '')}bot`
  f.line`          password: ${plantSecret(c.get('dockerhub-pat'))}`
  f.line`      - run: npm ci && npm test`
  f.line`        env:`
  f.line`          ${c.name('langsmith-api-key')}: "${plantSecret(c.get('langsmith-api-key'))}"`
  f.line`          GIT_SHA: ${plantDecoy(makeDecoy(rng, 'hash', 'GIT_SHA'))}`
}

function k8sSecret(t, c, dir) {
  const f = t.text(`${dir}/deploy/k8s/secret.yaml`)
  f.line`apiVersion: v1`
  f.line`kind: Secret`
  f.line`metadata:`
  f.line`  name: ${c.tenant}-agent`
  f.line`  namespace: ${c.tenant}`
  f.line`type: Opaque`
  f.line`data:`
  f.line`  ${c.name('openai')}: ${plantSecret(c.get('openai'), 'base64')}`
  f.line`  ${c.name('supabase-service-role-key')}: ${plantSecret(c.get('supabase-service-role-key'), 'base64')}`
  f.line`  LOG_LEVEL: ${Buffer.from('info').toString('base64')}`
  f.line`stringData:`
  f.line`  ${c.name('stripe')}: ${plantSecret(c.get('stripe'))}`
  f.line`  ${c.name('xai-api-key')}: "${plantSecret(c.get('xai-api-key'))}"`
}

function credentialFiles(t, c, dir, withPypi) {
  const npmrc = t.text(`${dir}/.npmrc`)
  npmrc.line`@${c.tenant}:registry=https://npm.pkg.github.com`
  npmrc.line`//registry.npmjs.org/:_authToken=${plantSecret(c.get('npm'))}`
  npmrc.line`//npm.pkg.github.com/:_authToken=${plantDecoy({kind: 'reference', name: 'GITHUB_TOKEN', value: '${GITHUB_TOKEN}'})}`
  const user = `${c.tenant.replace(/-/g, '')}-bot`
  t.text(`${dir}/.git-credentials`).line`https://${user}:${plantSecret(c.get('github'))}@github.com`
  const netrc = t.text(`${dir}/.netrc`)
  netrc.line`machine api.github.com`
  netrc.line`  login ${user}`
  netrc.line`  password ${plantSecret(c.get('github'))}`
  if (withPypi) {
    const p = t.text(`${dir}/.pypirc`)
    p.line`[distutils]`
    p.line`index-servers = pypi`
    p.line``
    p.line`[pypi]`
    p.line`username = __token__`
    p.line`password = ${plantSecret(c.get('pypi'))}`
  }
}

function notebook(t, c, dir) {
  const cells = [
    {
      cell_type: 'code',
      execution_count: 1,
      metadata: {},
      outputs: [],
      source: ['import os\n', 'from openai import OpenAI\n', jsonParts(`os.environ["${c.name('openai')}"] = "`, plantSecret(c.get('openai')), '"\n'), 'client = OpenAI()\n'],
    },
    {
      cell_type: 'code',
      execution_count: 2,
      metadata: {},
      outputs: [{name: 'stdout', output_type: 'stream', text: ['Token is valid (permission: write).\n', 'Login successful\n']}],
      source: ['from huggingface_hub import login\n', jsonParts('login(token="', plantSecret(c.get('huggingface-token')), '")')],
    },
    {cell_type: 'markdown', metadata: {}, source: [`## ${title(c.tenant)} embeddings experiment\n`, 'Results below.']},
  ]
  const nb = {cells, metadata: {kernelspec: {display_name: 'Python 3', language: 'python', name: 'python3'}}, nbformat: 4, nbformat_minor: 5}
  writeJson(t.text(`${dir}/notebooks/explore.ipynb`), nb, ' ').raw('\n')
}

function deployKey(t, c, dir) {
  const role = t.rng.chance(0.7) ? 'ssh' : 'rsa'
  t.text(`${dir}/deploy/id_ed25519`).line`${plantSecret(c.get(role))}`
  const pub = `ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAI${Buffer.from(fakeUuid()).toString('base64').slice(0, 43)} deploy@${c.tenant}`
  t.text(`${dir}/deploy/id_ed25519.pub`).line`${plantDecoy({kind: 'public-key', name: null, value: pub})}`
}

function sourceFiles(t, c, dir) {
  const {rng} = t
  const pay = t.text(`${dir}/src/payments.ts`)
  pay.line`import Stripe from 'stripe'`
  pay.line``
  pay.line`// TODO: read from the environment before launch`
  pay.line`const stripe = new Stripe('${plantSecret(c.get('stripe'))}', {apiVersion: '2024-06-20'})`
  pay.line`const publishable = '${plantDecoy(makeDecoy(rng, 'publishable', 'STRIPE_PUBLISHABLE_KEY'))}'`
  pay.line``
  pay.line`export async function refundCharge(chargeId: string): Promise<string> {`
  pay.line`  const refund = await stripe.refunds.create({charge: chargeId})`
  pay.line`  return refund.id`
  pay.line`}`
  pay.line``
  pay.line`export const checkoutKey = publishable`

  const llmRole = rng.pick(['gemini', 'groq-api-key', 'xai-api-key', 'anthropic'])
  const llm = t.text(`${dir}/src/llm.js`)
  llm.line`// Model client for ${c.tenant}'s agents`
  llm.line`const API_KEY = "${plantSecret(c.get(llmRole))}"`
  llm.line`const REQUEST_TIMEOUT_MS = ${rng.int(10, 60) * 1000}`
  llm.line``
  llm.line`export function headers() {`
  llm.line`  return {Authorization: \`Bearer \${API_KEY}\`, 'Content-Type': 'application/json'}`
  llm.line`}`

  const db = t.text(`${dir}/src/db.py`)
  db.line`import boto3`
  db.line`import psycopg`
  db.line``
  db.line`DATABASE_URL = "${plantSecret(c.get(rng.chance(0.5) ? 'postgres-uri' : 'mongodb-uri'))}"`
  db.line`s3 = boto3.client("s3", aws_access_key_id="${plantSecret(c.get('aws-id'))}", aws_secret_access_key="${plantSecret(c.get('aws-secret'))}")`
  db.line``
  db.line``
  db.line`def connect():`
  db.line`    return psycopg.connect(DATABASE_URL)`
}

// ---------- harmless files ----------

const WORDS = ('agent client report order invoice customer campaign summary schedule export import queue worker ' +
  'retry cache index build deploy review draft message thread channel ticket lead pipeline account metric ' +
  'event webhook payload batch record sync status result error warning notice daily weekly monthly').split(' ')

function sentence(rng, n) {
  const words = []
  for (let i = 0; i < n; i++) words.push(rng.pick(WORDS))
  words[0] = words[0][0].toUpperCase() + words[0].slice(1)
  return words.join(' ') + '.'
}

function codeFile(rng, i) {
  const lines = [`// Module ${i}: ${sentence(rng, 6)}`, "import {readFile} from 'node:fs/promises'", '']
  const fns = rng.int(3, 8)
  for (let k = 0; k < fns; k++) {
    const name = `${rng.pick(WORDS)}${title(rng.pick(WORDS)).replace(/ /g, '')}${k}`
    lines.push(`/** ${sentence(rng, 8)} */`)
    lines.push(`export async function ${name}(input, options = {}) {`)
    lines.push(`  const limit = options.limit ?? ${rng.int(10, 500)}`)
    lines.push(`  const apiKey = process.env.${rng.pick(['OPENAI_API_KEY', 'ANTHROPIC_API_KEY', 'APP_MODE'])}`)
    lines.push(`  const rows = JSON.parse(await readFile(input, 'utf8')).slice(0, limit)`)
    lines.push(`  for (const row of rows) {`)
    lines.push(`    if (row.status === '${rng.pick(WORDS)}') row.${rng.pick(WORDS)} = ${rng.int(0, 99)}`)
    lines.push('  }')
    lines.push(`  return {rows, apiKey: apiKey ? 'set' : 'missing'}`)
    lines.push('}')
    lines.push('')
  }
  return lines.join('\n')
}

function dataFile(rng, records) {
  const rows = []
  for (let i = 0; i < records; i++) {
    rows.push({id: fakeUuid(), name: `${title(rng.pick(WORDS))} ${title(rng.pick(WORDS))}`, status: rng.pick(WORDS), total: rng.int(1, 99999) / 100, tags: [rng.pick(WORDS), rng.pick(WORDS)]})
  }
  return JSON.stringify(rows, null, 2) + '\n'
}

function logFile(rng, lines) {
  const out = []
  for (let i = 0; i < lines; i++) {
    out.push(`2024-${String(rng.int(1, 12)).padStart(2, '0')}-${String(rng.int(1, 28)).padStart(2, '0')}T${String(rng.int(0, 23)).padStart(2, '0')}:${String(rng.int(0, 59)).padStart(2, '0')}:00Z ${rng.pick(['INFO', 'WARN', 'DEBUG'])} ${sentence(rng, rng.int(5, 14))} request=${rng.int(100000, 999999)}`)
  }
  return out.join('\n') + '\n'
}

function markdownDoc(rng, paragraphs) {
  const out = [`# ${title(rng.pick(WORDS))} ${rng.pick(WORDS)}`, '']
  for (let i = 0; i < paragraphs; i++) {
    const s = []
    for (let k = rng.int(3, 7); k > 0; k--) s.push(sentence(rng, rng.int(6, 16)))
    out.push(s.join(' '), '')
  }
  return out.join('\n')
}

function packageLock(t, dir, c, deps) {
  const f = t.text(`${dir}/package-lock.json`)
  f.line`{`
  f.line`  "name": "${c.tenant}-agents",`
  f.line`  "lockfileVersion": 3,`
  f.line`  "requires": true,`
  f.line`  "packages": {`
  deps.forEach((d, i) => {
    f.line`    "node_modules/${d}": {`
    f.line`      "version": "${t.rng.int(1, 9)}.${t.rng.int(0, 30)}.${t.rng.int(0, 9)}",`
    f.line`      "resolved": "https://registry.npmjs.org/${d}/-/${d}-1.0.0.tgz",`
    f.line`      "integrity": "${plantDecoy({kind: 'hash', name: 'integrity', value: lockfileIntegrity()})}"`
    f.add`    }`.raw(i < deps.length - 1 ? ',\n' : '\n')
  })
  f.line`  }`
  f.line`}`
}

function harmless(t, c, dir) {
  const {rng} = t
  t.plain(`${dir}/README.md`, `# ${title(c.tenant)} agents\n\nAgents that run ${c.tenant}'s ${rng.pick(WORDS)} and ${rng.pick(WORDS)} jobs.\n\nSet the keys in \`.env\` (see \`.env.example\`).\n\n${markdownDoc(rng, 3)}`)
  t.plain(`${dir}/package.json`, JSON.stringify({name: `${c.tenant}-agents`, version: '1.0.0', private: true, type: 'module', scripts: {start: 'node server.js'}, dependencies: {openai: '^4.0.0', stripe: '^14.0.0'}}, null, 2) + '\n')
  packageLock(t, dir, c, rng.sample(['openai', 'stripe', 'zod', 'undici', 'yaml', 'pino', 'dotenv'], 4))
  t.plain(`${dir}/server.js`, codeFile(rng, 0))
  t.plain(`${dir}/src/index.ts`, codeFile(rng, 1))
  t.plain(`${dir}/data/customers.json`, dataFile(rng, rng.int(5, 20)))
  const img = t.text(`${dir}/docs/architecture.md`)
  img.line`# Architecture`
  img.line``
  img.line`![diagram](${plantDecoy({kind: 'base64-image', name: null, value: 'data:image/png;base64,' + fakePngBytes(48).toString('base64')})})`
  img.line``
  img.raw(markdownDoc(rng, 2))
  // Dependencies ship test fixtures that look like keys; the scanner skips node_modules by default.
  const vendored = t.text(`${dir}/node_modules/some-sdk/test/fixtures.js`)
  vendored.line`export const FIXTURE_KEY = '${plantDecoy({kind: 'ignored-dir', name: null, value: fakeProvider('stripe-secret-key').make()})}'`
  t.plain(`${dir}/node_modules/some-sdk/package.json`, '{"name": "some-sdk", "version": "2.1.0", "main": "index.js"}\n')
  t.plain(`${dir}/node_modules/some-sdk/index.js`, codeFile(rng, 2))
  t.plain(`${dir}/.git/HEAD`, 'ref: refs/heads/main\n')
  t.plain(`${dir}/.git/config`, `[core]\n\trepositoryformatversion = 0\n\tbare = false\n[remote "origin"]\n\turl = git@github.com:agency/${c.tenant}.git\n`)
  t.binary(`${dir}/.git/objects/4b/825dc642cb6eb9a060e54bf8d69288fbee4904`, fakePngBytes(200))
  t.binary(`${dir}/assets/logo.png`, fakePngBytes(2048))
}

/**
 * Bulk noise: `scale` units of ordinary project files per client (code, JSON data, docs, logs, dependencies),
 * and from scale 10 on, a 3–4 MB log archive in `bigFile` clients. Made lazily from the noise generator.
 */
function noise(t, dir, scale, bigFile) {
  const rng = t.noiseRng
  for (let i = 0; i < scale * 4; i++) t.lazy(`${dir}/src/modules/m${Math.floor(i / 50)}/mod_${i}.js`, () => codeFile(rng, i))
  for (let i = 0; i < scale; i++) t.lazy(`${dir}/data/records_${i}.json`, () => dataFile(rng, rng.int(40, 120)))
  for (let i = 0; i < scale; i++) t.lazy(`${dir}/docs/page_${i}.md`, () => markdownDoc(rng, rng.int(3, 12)))
  for (let i = 0; i < Math.ceil(scale / 2); i++) t.lazy(`${dir}/logs/app-${i}.log`, () => logFile(rng, rng.int(100, 300)))
  for (let i = 0; i < scale * 2; i++) t.lazy(`${dir}/node_modules/pkg-${i % 40}/lib/file_${i}.js`, () => codeFile(rng, i))
  if (bigFile && scale >= 10) t.lazy(`${dir}/logs/archive.log`, () => logFile(rng, rng.int(34_000, 44_000)))
}

// ---------- the tree ----------

/**
 * Writes an agency tree under `root` (wiped first): `root/clients/<client>/…` plus the shared `_templates/` and
 * `_skills/` areas. Returns `{scanRoot, truth}`; `truth.secrets` lists every planted key with its file, line,
 * column (1-based, of the value's first character; of its base64 for Kubernetes `data`), end, provider, value,
 * tenant (null in shared areas) and owner; `truth.decoys` every decoy location; `truth.risks` the risks a scanner
 * should report.
 */
export function buildAgencyTree(root, {clients = DEFAULT_CLIENTS, seed = 1, scale = 0} = {}) {
  if (clients.length < 2) throw new Error('an agency tree needs at least two clients')
  const t = new TreeBuilder(seed)
  const {rng} = t
  const keyRng = seededRandom(seed ^ 0x5bd1e995)
  const at = i => clients[i % clients.length]

  // Keys that live in more than one place by the agency's own doing.
  const agency = new ClientKeys('agency', keyRng, [])
  const agencyOpenai = {...agency.get('openai'), owner: null}
  const agencyWebhook = {...agency.get('slack-webhook-url'), owner: null}
  const agencyGithub = {...agency.get('github'), owner: null}
  const preset = new Map([
    [at(2), [['openai', agencyOpenai]]],
    [at(3), [['slack-webhook-url', agencyWebhook]]],
  ])
  for (const name of [at(1), at(4)]) preset.set(name, [...(preset.get(name) ?? []), ['github', agencyGithub]])

  const keysOf = new Map()
  for (const name of clients) keysOf.set(name, new ClientKeys(name, keyRng, preset.get(name) ?? []))
  const [src, dst] = clients
  const foreign = []

  clients.forEach((name, index) => {
    const c = keysOf.get(name)
    const dir = name
    const envRoles = ['openai', 'anthropic', ...rng.sample(ENV_PROVIDERS, rng.int(5, 9))]
    if (preset.has(name)) for (const [role] of preset.get(name)) if (!envRoles.includes(role)) envRoles.push(role)
    const full = index === 0 || scale > 0 || rng.chance(0.8)
    envFiles(t, c, dir, envRoles)
    composeFile(t, c, dir, rng.sample(ENV_PROVIDERS.filter(r => !r.endsWith('-uri') && r !== 'generic-secret'), 4))
    dockerfile(t, c, dir, rng.pick(['gemini', 'mistral-api-key', 'replicate-api-token', 'sendgrid-api-key']))
    mcpFile(t, c, `${dir}/.mcp.json`, rng.int(2, 5))
    claudeSettings(t, c, dir)
    codexConfig(t, c, dir)
    mcpFile(t, c, `${dir}/.cursor/mcp.json`, rng.int(1, 3))
    // shopify-orders and slack-digest are the first client's; others receive copies of them below.
    const skills = rng.sample(Object.keys(SKILLS).filter(s => s !== 'shopify-orders' && s !== 'slack-digest'), rng.int(1, 2))
    if (name === src) skills.push('shopify-orders', 'slack-digest')
    for (const s of new Set(skills)) writeSkill(t, dir, s, name, c)
    notes(t, c, dir)
    crontab(t, c, dir)
    systemdUnit(t, c, dir)
    workflow(t, c, dir)
    if (full) k8sSecret(t, c, dir)
    credentialFiles(t, c, dir, full)
    if (full) notebook(t, c, dir)
    deployKey(t, c, dir)
    sourceFiles(t, c, dir)
    harmless(t, c, dir)
    if (scale > 0) noise(t, dir, scale, index % 2 === 0)
  })

  // Every kind the oracle knows appears at least once, in the kind of leftover file people keep.
  const planted = new Set(t.files.flatMap(f => f.marks.filter(m => m.type === 'secret').map(m => m.key.oracle)))
  const missing = FAKE_PROVIDERS.filter(p => !planted.has(p.id))
  const leftovers = {}
  for (const p of missing) {
    const owner = rng.pick(clients)
    const c = keysOf.get(owner)
    if (p.multiline) {
      t.text(`${owner}/deploy/legacy_${p.id.split('-')[0]}_key`).line`${plantSecret(c.get(p.id))}`
      continue
    }
    leftovers[owner] ??= t.text(`${owner}/.env.local`).line`# local overrides — do not commit`
    envLine(leftovers[owner], rng, c.name(p.id), plantSecret(c.get(p.id)))
  }

  // The skill copied from the first client into the second, still holding the first client's key and accounts.
  writeSkill(t, dst, 'shopify-orders', src, keysOf.get(src))
  foreign.push({type: 'foreign-tenant', tenant: dst, owner: src, file: `${dst}/skills/shopify-orders/SKILL.md`, withKey: true})
  // A careful copy: no key left, but it still names the first client's workspace and account.
  if (clients.length > 2) {
    writeSkill(t, at(2), 'slack-digest', src, keysOf.get(src), {withKey: false})
    foreign.push({type: 'foreign-tenant', tenant: at(2), owner: src, file: `${at(2)}/skills/slack-digest/SKILL.md`, withKey: false})
  }

  // Shared areas: a starter template that still carries the agency key, and a shared skill with its webhook.
  const tpl = t.text('_templates/client-starter/.env')
  tpl.line`# Starter .env for a new client — replace before use`
  tpl.line`OPENAI_API_KEY=${plantSecret(agencyOpenai)}`
  tpl.line`ANTHROPIC_API_KEY=${plantDecoy(makeDecoy(rng, 'placeholder', 'ANTHROPIC_API_KEY'))}`
  tpl.line`STRIPE_SECRET_KEY=${plantDecoy(makeDecoy(rng, 'placeholder', 'STRIPE_SECRET_KEY'))}`
  tpl.line`GITHUB_TOKEN=${plantSecret(agencyGithub)}`
  const tc = t.text('_templates/client-starter/docker-compose.yml')
  tc.line`services:`
  tc.line`  agent:`
  tc.line`    image: ghcr.io/agency/agent:latest`
  tc.line`    environment:`
  tc.line`      OPENAI_API_KEY: ${plantDecoy(makeDecoy(rng, 'reference', 'OPENAI_API_KEY'))}`
  tc.line`      SLACK_BOT_TOKEN: ${plantDecoy(makeDecoy(rng, 'placeholder', 'SLACK_BOT_TOKEN'))}`
  t.plain('_templates/README.md', '# Templates\n\nCopy `client-starter/` for each new client and fill in its `.env`.\n')
  const sk = t.text('_skills/slack-notify/SKILL.md')
  sk.line`---`
  sk.line`name: slack-notify`
  sk.line`description: Post a message to the agency's Slack channel when a job finishes.`
  sk.line`---`
  sk.line``
  sk.line`\`\`\`bash`
  sk.line`curl -s -X POST -H 'Content-type: application/json' --data '{"text":"done"}' ${plantSecret(agencyWebhook)}`
  sk.line`\`\`\``
  t.plain('README.md', '# Clients\n\nOne folder per client. `_templates` and `_skills` are shared.\n')

  const written = writeTree(root, t)
  const truth = collectTruth(t, clients, foreign)
  return {scanRoot: written.scanRoot, truth: {...truth, files: truth.files + t.lazies.length, bytes: truth.bytes + written.lazyBytes}}
}

/** Marks a folder as built here, so a rebuild may wipe it and nothing else. */
const TREE_MARKER = '.agency-tree'

function writeTree(root, t) {
  if (existsSync(root) && readdirSync(root).length > 0 && !existsSync(join(root, TREE_MARKER))) {
    throw new Error(`${root} is not empty and was not built by this script; refusing to wipe it`)
  }
  rmSync(root, {recursive: true, force: true})
  mkdirSync(root, {recursive: true})
  writeFileSync(join(root, TREE_MARKER), 'Generated by scripts/lib/agency-tree.js; deleted and rebuilt on each run.\n')
  const scanRoot = join(root, 'clients')
  const made = new Set()
  const write = (rel, data) => {
    const abs = join(scanRoot, rel)
    const d = dirname(abs)
    if (!made.has(d)) {
      mkdirSync(d, {recursive: true})
      made.add(d)
    }
    writeFileSync(abs, data)
  }
  for (const f of t.files) write(f.rel, f.text())
  for (const b of t.binaries) write(b.rel, b.bytes)
  let lazyBytes = 0
  for (const l of t.lazies) {
    const text = l.make()
    lazyBytes += Buffer.byteLength(text)
    write(l.rel, text)
  }
  return {scanRoot, lazyBytes}
}

function tenantOf(rel) {
  const top = rel.split('/')[0]
  return top.startsWith('_') || top.startsWith('.') ? null : top
}

function collectTruth(t, clients, foreign) {
  const secrets = []
  const decoys = []
  let bytes = 0
  for (const f of t.files) {
    bytes += Buffer.byteLength(f.text())
    for (const m of f.marks) {
      const where = {file: f.rel, line: m.line, column: m.column, endLine: m.endLine, endColumn: m.endColumn}
      if (m.type === 'secret') {
        secrets.push({...where, provider: m.key.provider, oracle: m.key.oracle, value: m.key.value, encoding: m.encoding, tenant: tenantOf(f.rel), owner: m.key.owner})
      } else {
        decoys.push({...where, kind: m.decoy.kind, name: m.decoy.name, value: m.decoy.value, ignored: m.decoy.kind === 'ignored-dir'})
      }
    }
  }
  for (const b of t.binaries) bytes += b.bytes.length

  const risks = [...foreign]
  const byValue = new Map()
  for (const s of secrets) {
    if (!byValue.has(s.value)) byValue.set(s.value, [])
    byValue.get(s.value).push(s)
  }
  for (const group of byValue.values()) {
    const perTenant = new Map()
    for (const s of group) perTenant.set(s.tenant, (perTenant.get(s.tenant) ?? 0) + 1)
    const tenants = [...perTenant.keys()].filter(x => x !== null)
    const filesOf = tenant => [...new Set(group.filter(s => tenant === undefined || s.tenant === tenant).map(s => s.file))]
    for (const [tenant, n] of perTenant) if (tenant !== null && n > 1) risks.push({type: 'duplicate', tenant, provider: group[0].provider, count: n, files: filesOf(tenant)})
    if (tenants.length > 1) risks.push({type: 'cross-client', tenants: tenants.sort(), provider: group[0].provider, files: filesOf()})
    if (perTenant.has(null) && tenants.length > 0) risks.push({type: 'shared-area', tenants: tenants.sort(), provider: group[0].provider, files: filesOf()})
  }
  return {clients, files: t.files.length + t.binaries.length, bytes, secrets, decoys, risks, uniqueSecrets: byValue.size}
}
