import {readdirSync} from 'node:fs'
import {join} from 'node:path'
import {describe, expect, it} from 'vitest'

import {extractValues, formatById, FORMATS, formatForPath} from '../../src/formats/index.js'
import {ALNUM, randomString} from '../../src/lib/random.js'

const ROUTES: [string, string, string?][] = [
  ['.env', 'dotenv'],
  ['clients/acme/.env.local', 'dotenv'],
  ['clients/acme/.env.production', 'dotenv'],
  ['deploy/prod.env', 'dotenv'],
  ['.envrc', 'dotenv'],
  ['docker-compose.yml', 'compose'],
  ['ops/docker-compose.prod.yaml', 'compose'],
  ['compose.yaml', 'compose'],
  ['compose.override.yml', 'compose'],
  ['Dockerfile', 'dockerfile'],
  ['api/Dockerfile.dev', 'dockerfile'],
  ['api.Dockerfile', 'dockerfile'],
  ['Containerfile', 'dockerfile'],
  ['.docker/config.json', 'docker-config'],
  ['backup/config.json', 'docker-config', '{"auths": {}}'],
  ['app/config.json', 'json', '{"port": 1}'],
  ['.mcp.json', 'json'],
  ['claude_desktop_config.json', 'json'],
  ['.cursor/mcp.json', 'json'],
  ['.vscode/mcp.json', 'json'],
  ['.claude/settings.json', 'json'],
  ['.claude/settings.local.json', 'json'],
  ['package-lock.json', 'lockfile'],
  ['web/yarn.lock', 'lockfile'],
  ['pnpm-lock.yaml', 'lockfile'],
  ['.codex/config.toml', 'toml'],
  ['pyproject.toml', 'toml'],
  ['.github/workflows/ci.yml', 'github-actions'],
  ['k8s/secret.yaml', 'kubernetes', 'apiVersion: v1\nkind: Secret\n'],
  ['k8s/deploy.yaml', 'yaml', 'kind: Deployment\n'],
  ['charts/api/values.yaml', 'yaml'],
  ['skills/search/SKILL.md', 'skill'],
  ['notes/setup.md', 'notes'],
  ['keys.txt', 'notes'],
  ['crontab', 'crontab'],
  ['jobs/backup.cron', 'crontab'],
  ['etc/cron.d/backup', 'crontab'],
  ['systemd/agent.service', 'systemd'],
  ['etc/systemd/system/agent.service.d/override.conf', 'systemd'],
  ['agent.timer', 'systemd'],
  ['.npmrc', 'npmrc'],
  ['.git-credentials', 'git-credentials'],
  ['.netrc', 'netrc'],
  ['.pypirc', 'ini'],
  ['.aws/credentials', 'ini'],
  ['app/settings.ini', 'ini'],
  ['setup.cfg', 'ini'],
  ['nginx/site.conf', 'ini'],
  ['application.properties', 'properties'],
  ['analysis.ipynb', 'notebook'],
  ['deploy.pem', 'pem'],
  ['tls/server.key', 'pem'],
  ['.ssh/id_rsa', 'pem'],
  ['.ssh/id_ed25519', 'pem'],
  ['src/client.ts', 'source-c-like'],
  ['src/client.js', 'source-c-like'],
  ['main.go', 'source-c-like'],
  ['app.rb', 'source-c-like'],
  ['index.php', 'source-c-like'],
  ['Main.java', 'source-c-like'],
  ['Program.cs', 'source-c-like'],
  ['app/settings.py', 'source-python'],
  ['scripts/deploy.sh', 'source-shell'],
  ['setup.ps1', 'source-powershell'],
  // A name that says nothing: the content decides, for the formats whose decoding matters.
  ['backup-2024.json', 'docker-config', '{\n  "auths": {"r.example.com": {"auth": "eA=="}}\n}\n'],
  ['case1.txt', 'docker-config', '{"auths": {}}'],
  ['notes.txt', 'kubernetes', 'apiVersion: v1\nkind: Secret\ndata:\n  A: eA==\n'],
  ['dump', 'kubernetes', '# exported\napiVersion: v1\nkind: "Secret"\n'],
  ['case2.txt', 'json', '{"type": "service_account", "project_id": "p"}'],
  ['old/creds', 'netrc', 'machine api.example.com\n  login bot\n  password x\n'],
  ['backup/deploy', 'pem', '-----BEGIN EC PRIVATE KEY-----\nx\n-----END EC PRIVATE KEY-----\n'],
  // ...and only those: prose that mentions them, and Markdown, stay notes; other JSON stays JSON.
  ['notes.txt', 'notes', 'the machine room password is on the wall\nask for it\nthird line\n'],
  ['notes.txt', 'notes', 'Secrets: kind: Secret goes in k8s\n'],
  ['docs/k8s.md', 'notes', 'apiVersion: v1\nkind: Secret\n'],
  ['docs/keys.md', 'notes', '-----BEGIN EC PRIVATE KEY-----\nx\n-----END EC PRIVATE KEY-----\n'],
  ['app/config.json', 'json', '{"type": "service_account"}'],
  ['deploy/values.yaml', 'yaml', 'password: x\nmachine: y\n'],
  ['.env', 'dotenv', '{"auths": {}}'],
]

describe('extractValues routing', () => {
  for (const [relPath, format, text] of ROUTES) {
    it(`${relPath} → ${format}`, () => expect(extractValues(relPath, text ?? '').format).toBe(format))
  }

  it('falls back to the line pass for free text', () => {
    expect(extractValues('README', 'hello')).toEqual({format: 'text', values: []})
    expect(extractValues('image.png', '')).toEqual({format: 'text', values: []})
    expect(formatForPath('LICENSE', '')).toBeUndefined()
  })

  it('has fixtures for every format, and every fixture folder is a format: a new format is its module plus its fixtures', () => {
    const fixtures = readdirSync(join(import.meta.dirname, '..', 'fixtures', 'formats')).sort()
    expect(FORMATS.map((f) => f.id).sort()).toEqual(fixtures)
    // What the scan and the rewrite need of a format comes with it, not from tables elsewhere.
    for (const format of FORMATS) expect(formatById(format.id)).toBe(format)
    expect(FORMATS.filter((f) => f.decodes).map((f) => f.id).sort()).toEqual(['docker-config', 'git-credentials', 'kubernetes', 'netrc', 'notebook', 'npmrc', 'pem'])
  })

  it('lists unique format ids', () => {
    const ids = FORMATS.map((f) => f.id)
    expect(new Set(ids).size).toBe(ids.length)
  })

  it('names a key file after the file', () => {
    const body = randomString(ALNUM, 64)
    // Assembled at run time so no committed line reads as a key block to push protection.
    const label = ['RSA', 'PRIVATE', 'KEY'].join(' ')
    const text = `-----BEGIN ${label}-----\n${body}\n-----END ${label}-----\n`
    const result = extractValues('clients/acme/.ssh/deploy_key.pem', text)
    expect(result.values).toHaveLength(1)
    expect(result.values[0].name).toBe('deploy_key.pem')
    expect(result.values[0].path).toBe(label)
    expect(text.slice(result.values[0].start, result.values[0].end)).toBe(result.values[0].value)
  })
})

describe('values that are generated at test time', () => {
  const secret = () => 'sk-test-' + randomString(ALNUM, 40)

  it('docker auths: reports the secret half of user:secret, spanning the base64', () => {
    const key = secret()
    const auth = Buffer.from(`user:${key}`).toString('base64')
    const text = JSON.stringify({auths: {'r.example.com': {auth}}}, null, 2)
    const [v] = extractValues('.docker/config.json', text).values
    expect(v).toMatchObject({name: 'auth', encoding: 'basic-auth', value: key})
    expect(text.slice(v.start, v.end)).toBe(auth)
  })

  it('kubernetes data: decodes base64 and keeps binary values raw', () => {
    const key = secret()
    const encoded = Buffer.from(key).toString('base64')
    const text = `apiVersion: v1\nkind: Secret\ndata:\n  TOKEN: ${encoded}\n`
    const v = extractValues('secret.yaml', text).values.find((x) => x.name === 'TOKEN')
    expect(v).toMatchObject({encoding: 'base64', value: key, path: 'data.TOKEN'})
    expect(text.slice(v!.start, v!.end)).toBe(encoded)
  })

  it('notebook: finds a key assigned in a cell at its exact offset in the JSON', () => {
    const key = secret()
    const text = JSON.stringify({cells: [{cell_type: 'code', source: ['import os\n', `os.environ["OPENAI_API_KEY"] = "${key}"\n`]}]}, null, 1)
    const [v] = extractValues('n.ipynb', text).values
    expect(v).toMatchObject({name: 'OPENAI_API_KEY', value: key, encoding: 'raw'})
    expect(text.slice(v.start, v.end)).toBe(key)
  })

  it('toml inline env table: exact positions for each entry', () => {
    const a = secret()
    const b = secret()
    const text = `[mcp_servers.x]\nenv = { "A_KEY" = "${a}", B_KEY = '${b}' }\n`
    const values = extractValues('config.toml', text).values
    expect(values.map((v) => [v.path, text.slice(v.start, v.end)])).toEqual([
      ['mcp_servers.x.env.A_KEY', a],
      ['mcp_servers.x.env.B_KEY', b],
    ])
  })

  it('netrc: a password after a login literally called "password" is still found', () => {
    const key = secret()
    const text = `machine h login password password ${key}\n`
    expect(extractValues('.netrc', text).values.map((v) => v.value)).toEqual([key])
  })
})
