import {mkdirSync, readdirSync, readFileSync, writeFileSync} from 'node:fs'
import {join} from 'node:path'
import {describe, expect, it} from 'vitest'

import {ALNUM, randomString} from '../../src/lib/random.js'
import {fakeKeyOf} from '../helpers/fakes.js'
import {expectNoSecrets, makeTempDir} from '../helpers/tree.js'
import {recordingCli} from '../vault/cli.js'
import {startTlsUpstream} from './tls-upstream.js'

/**
 * The whole path a confined agent's tools take: `outloop run` sets HTTPS_PROXY and the CA variables, and
 * curl, Python and git — none of which knows about outloop — send `outloop://acme/…` to a TLS upstream
 * on 127.0.0.1 with its own CA; the upstream gets acme's key, and only for what the policy grants.
 */
describe('outloop run: every tool reaches the broker through the proxy', () => {
  it('curl, Python urllib, requests, git ls-remote, Node fetch and https.request get acme’s key upstream; a foreign placeholder, an ungranted host and path reach it zero times', async () => {
    const {dir: root, cleanup} = makeTempDir('outloop-proxy-run-')
    const upstream = await startTlsUpstream(root)
    const home = join(root, 'home')
    const env = {OUTLOOP_PASSPHRASE: 'pass ' + randomString(ALNUM, 16), OUTLOOP_VAULT: ''}
    const planted = {acme: fakeKeyOf('OpenAI').key, globex: fakeKeyOf('OpenAI').key}
    const {cli, outputs} = recordingCli(home, env)
    try {
      expect((await cli(['init'])).code).toBe(0)
      const service = (name: string, host: string) => [`  ${name}:`, `    upstream: https://127.0.0.1:${upstream.port}`, '    header: "Authorization: Bearer {secret}"', `    hosts: [${host}]`, `    ca: ${upstream.ca}`]
      writeFileSync(
        join(home, 'policy.yaml'),
        ['services:', ...service('acme-crm', 'api.crm.test'), ...service('globex-crm', 'api.globex-crm.test'), 'clients:', '  acme:', '    - {secret: crm-key, service: acme-crm, methods: [GET, POST], paths: ["/v1/**", "/repo.git/**"]}', '  globex:', '    - {secret: crm-key, service: globex-crm}', ''].join('\n'),
      )
      writeFileSync(join(home, 'config.yaml'), `sandbox:\n  readable: [${JSON.stringify(root)}]\n`)
      for (const tenant of ['acme', 'globex'] as const) {
        mkdirSync(join(root, 'clients', tenant), {recursive: true})
        expect((await cli(['vault', 'set', `${tenant}/crm-key`], planted[tenant])).code).toBe(0)
        expect((await cli(['connect', join(root, 'clients', tenant), '--tenant', tenant])).code).toBe(0)
      }
      const ref = 'outloop://acme/crm-key'
      const script = [
        `curl -sS --max-time 10 -H "Authorization: Bearer ${ref}" https://api.crm.test/v1/curl; echo " curl=$?"`,
        `python3 -c "import urllib.request as u; print(u.urlopen(u.Request('https://api.crm.test/v1/urllib', headers={'Authorization': 'Bearer ${ref}'})).read().decode(), 'urllib')"`,
        `python3 -c "import requests; print(requests.get('https://api.crm.test/v1/requests', headers={'Authorization': 'Bearer ${ref}'}).text, 'requests')"`,
        `git -c http.extraHeader="Authorization: Bearer ${ref}" ls-remote https://api.crm.test/repo.git; echo "git=$?"`,
        `curl -sS --max-time 10 -H "Authorization: Bearer outloop://globex/crm-key" https://api.crm.test/v1/foreign; echo`,
        `curl -sS --max-time 10 -H "Authorization: Bearer ${ref}" https://api.crm.test/admin; echo`,
        `curl -sS --max-time 10 -H "Authorization: Bearer ${ref}" https://api.globex-crm.test/v1/x; echo " other-host=$?"`,
        `node -e "fetch('https://api.crm.test/v1/fetch', {headers: {authorization: 'Bearer ${ref}'}}).then(r => r.text()).then(t => console.log(t, 'fetch'))"`,
        `node -e "require('https').get('https://api.crm.test/v1/https', {headers: {authorization: 'Bearer ${ref}'}}, r => { let b = ''; r.on('data', c => b += c); r.on('end', () => console.log(b, 'https')) })"`,
        // The same refusals through the other tools: another client's placeholder, a path not granted, a host not granted.
        `python3 -c "import urllib.request as u, urllib.error as e\ntry: u.urlopen(u.Request('https://api.crm.test/v1/py-foreign', headers={'Authorization': 'Bearer outloop://globex/crm-key'}))\nexcept e.HTTPError as x: print(x.code, x.read().decode())"`,
        `python3 -c "import requests; print(requests.get('https://api.crm.test/admin/py', headers={'Authorization': 'Bearer ${ref}'}).text)"`,
        `python3 -c "import requests\ntry: requests.get('https://api.globex-crm.test/v1/py')\nexcept requests.exceptions.ProxyError: print('py-other-host refused')"`,
        `node -e "fetch('https://api.crm.test/v1/node-foreign', {headers: {authorization: 'Bearer outloop://globex/crm-key'}}).then(r => r.text()).then(t => console.log('node', t))"`,
        `node -e "require('https').get('https://api.crm.test/admin/node', {headers: {authorization: 'Bearer ${ref}'}}, r => { let b = ''; r.on('data', c => b += c); r.on('end', () => console.log('node', b)) })"`,
        `git -c http.extraHeader="Authorization: Bearer outloop://globex/crm-key" ls-remote https://api.crm.test/repo.git >/dev/null 2>&1; echo "git-foreign=$?"`,
        `env | grep -c "${planted.acme.slice(0, 12)}" ; echo env-checked`,
      ].join('\n')
      const run = await cli(['run', '--workspace', join(root, 'clients', 'acme'), '--', 'sh', '-c', script])
      expect(run.code, run.stderr).toBe(0)
      expect(run.stdout).toContain('{"ok":true} curl=0')
      expect(run.stdout).toContain('{"ok":true} urllib')
      expect(run.stdout).toContain('{"ok":true} requests')
      expect(run.stdout).toMatch(/a{40}\trefs\/heads\/main\ngit=0/)
      expect(run.stdout).toContain('{"ok":true} fetch')
      expect(run.stdout).toContain('{"ok":true} https')
      expect(run.stdout).toContain('tenant-mismatch')
      expect(run.stdout).toContain('path-not-allowed')
      expect(run.stdout).toMatch(/other-host=(56|35)/)
      expect(run.stdout).toMatch(/^0\nenv-checked/m)
      expect(run.stdout).toMatch(/^403 .*tenant-mismatch/m)
      expect(run.stdout).toMatch(/^\{"error".*path-not-allowed/m)
      expect(run.stdout).toContain('py-other-host refused')
      expect(run.stdout).toMatch(/^node .*tenant-mismatch/m)
      expect(run.stdout).toMatch(/^node .*path-not-allowed/m)
      expect(run.stdout).toMatch(/git-foreign=(?!0)\d+/)
      // The agent's files hold no key either.
      expect(readdirSync(join(root, 'clients', 'acme')).map((name) => readFileSync(join(root, 'clients', 'acme', name), 'utf8')).join('')).not.toContain(planted.acme)
      // Exactly the four granted requests arrived, each with acme's key; nothing for the refused ones.
      expect(upstream.seen.map((s) => `${s.path.split('?')[0]} ${s.authorization === `Bearer ${planted.acme}`}`)).toEqual(['/v1/curl true', '/v1/urllib true', '/v1/requests true', '/repo.git/info/refs true', '/v1/fetch true', '/v1/https true'])
      const audit = JSON.parse((await cli(['audit', '--tenant', 'acme', '--json'])).stdout).records as Array<{method: string; path: string; reason: string; phase: string}>
      const complete = audit.filter((r) => r.phase !== 'pending')
      expect(complete.map((r) => `${r.method} ${r.path} ${r.reason}`)).toEqual([
        'GET /v1/curl allowed',
        'GET /v1/urllib allowed',
        'GET /v1/requests allowed',
        'GET /repo.git/info/refs allowed',
        'GET /v1/foreign tenant-mismatch',
        'GET /admin path-not-allowed',
        'CONNECT (connect) service-not-allowed',
        'GET /v1/fetch allowed',
        'GET /v1/https allowed',
        'GET /v1/py-foreign tenant-mismatch',
        'GET /admin/py path-not-allowed',
        'CONNECT (connect) service-not-allowed',
        'GET /v1/node-foreign tenant-mismatch',
        'GET /admin/node path-not-allowed',
        'GET /repo.git/info/refs tenant-mismatch',
      ])
    } finally {
      await upstream.close()
      expectNoSecrets(outputs, [planted.acme, planted.globex, env.OUTLOOP_PASSPHRASE])
      cleanup()
    }
  })
})
