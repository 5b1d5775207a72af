import {spawnSync} from 'node:child_process'
import {createHash} from 'node:crypto'
import {readFileSync, rmSync, writeFileSync} from 'node:fs'
import {join} from 'node:path'
import {afterAll, beforeAll, describe, expect, it} from 'vitest'

import {detectConfinement} from '../../src/sandbox/launch.js'
import {expectNoSecrets} from '../helpers/tree.js'
import {currentUser, filesBelow, makeAgency, unprivilegedUser, type Agency, type TestUser} from './agency.js'

const confinement = detectConfinement(process.env)
const canConfine = confinement.kind === 'bubblewrap'
if (!canConfine) console.warn(`Skipping the hostile-agent suite: ${confinement.kind === 'none' ? confinement.reason : confinement.kind} (CI installs bubblewrap).`)
const agentUser = unprivilegedUser()
const users: TestUser[] = [currentUser(), ...(agentUser ? [agentUser] : [])]
if (!agentUser) console.warn('Running the hostile-agent suite as this user only: creating an unprivileged user needs root.')

interface RouteResult {
  readonly route: string
  readonly blocked: boolean
  readonly detail: string
}

const digest = (path: string): string => createHash('sha256').update(readFileSync(path)).digest('hex')

describe.skipIf(!canConfine && process.env.CI !== 'true').each(users)('a prompt-injected agent under outloop run, as $name', (user) => {
  let agency: Agency
  let secrets: string[]

  beforeAll(async () => {
    agency = await makeAgency(user)
    const keyFiles = ['broker/session.key', 'audit/chain.key', 'fingerprint.key'].map((rel) => readFileSync(join(agency.home, rel), 'utf8').trim())
    secrets = [agency.keys.acme, agency.keys.globex, agency.keys.initech, agency.passphrase, ...keyFiles]
  })
  afterAll(async () => {
    await agency?.close()
    if (agency) expectNoSecrets(agency.outputs, secrets)
  })

  it('finds every route to another client, or to any key, closed; the upstream sees nothing', async () => {
    // A token the agent kept from an earlier session, which ended (and was revoked) since.
    const earlier = await agency.cli(['run', '--workspace', agency.acme, '--', process.execPath, '-e', 'console.log(process.env.OUTLOOP_SESSION)'])
    expect(earlier.code, earlier.stderr).toBe(0)
    const revokedToken = earlier.stdout.trim()
    expect(revokedToken).toMatch(/^ols_/)

    const guarded = [join(agency.home, 'policy.yaml'), join(agency.home, 'bindings.json'), join(agency.repo, 'bin', 'run.js'), join(agency.user.home, '.bashrc')]
    const before = guarded.map(digest)
    const homeFiles = filesBelow(agency.home)
    const configFile = writeAgentConfig(agency, {revokedToken, secrets, homeFiles})
    // Outside the sandbox the bus answers: the route is real, and only the confinement closes it.
    expect(spawnSync('dbus-send', [`--bus=${agency.dbus.address}`, '--print-reply', '--dest=org.freedesktop.DBus', '/org/freedesktop/DBus', 'org.freedesktop.DBus.ListNames'], {uid: agency.user.uid, gid: agency.user.gid}).status).toBe(0)

    const run = await runHostileAgent(agency, configFile, [])
    expect(run.code, run.stderr).toBe(0)
    const results = parseRoutes(run.stdout)
    console.log(`Routes tried as ${user.name}:\n` + results.map((r) => `  ${r.blocked ? 'blocked' : 'OPEN   '}  ${r.route}: ${r.detail}`).join('\n'))
    expect(results.length).toBeGreaterThanOrEqual(20)
    expect(results.filter((r) => !r.blocked)).toEqual([])
    expect(agency.upstream.seen).toHaveLength(0)
    expect(guarded.map(digest)).toEqual(before)
    expectNoSecrets([run.stdout, run.stderr], secrets)

    // The broker saw the attempts that reached it, and wrote each down.
    const audit = await agency.cli(['audit', '--json'])
    const records = JSON.parse(audit.stdout).records as Array<{client: string; reason: string}>
    expect(records.filter((r) => r.client === 'acme' && r.reason === 'tenant-mismatch')).toHaveLength(1)
    expect(records.some((r) => r.reason === 'invalid-token')).toBe(true)
    expect(records.some((r) => r.reason === 'revoked-token')).toBe(true)
  })

  it('without the sandbox, the same agent reaches the keys: the routes are real and the suite sees a leak', async () => {
    const copies = Object.fromEntries(['policy', 'bindings', 'outloopEntry', 'shellRc'].map((name) => [name, join(agency.acme, `copy-of-${name}`)]))
    for (const path of Object.values(copies)) writeFileSync(path, '')
    spawnSync('chown', ['-R', `${agency.user.uid}:${agency.user.gid}`, agency.acme])
    const configFile = writeAgentConfig(agency, {revokedToken: 'ols_x.y', secrets, homeFiles: filesBelow(agency.home), writeTargets: copies})
    const run = await runHostileAgent(agency, configFile, ['--no-sandbox'])
    expect(run.code, run.stderr).toBe(0)
    expect(run.stderr).toContain('--no-sandbox: the agent runs unconfined')
    const open = parseRoutes(run.stdout)
      .filter((r) => !r.blocked)
      .map((r) => r.route)
    for (const route of ['read every file under OUTLOOP_HOME by its path', 'read the session signing key', "read another client's folder", 'read a client folder not connected yet (plaintext keys)', '/proc/PID/environ of outloop serve', 'connect to the D-Bus session bus socket', 'write the policy', 'approve its own held request (outloop approvals approve, a forged answer file)']) {
      expect(open).toContain(route)
    }
    expectNoSecrets([run.stdout, run.stderr], secrets)
  })
})

/** The values to look for travel in a file in the agent's own folder, never in an environment variable, which would put them in the very environ files under /proc the agent searches. */
function writeAgentConfig(agency: Agency, extra: {revokedToken: string; secrets: string[]; homeFiles: string[]; writeTargets?: Record<string, string>}): string {
  const configFile = join(agency.acme, '.hostile-agent-test.json')
  writeFileSync(
    configFile,
    JSON.stringify({
      home: agency.home,
      otherClientDir: agency.globex,
      otherClientFile: join(agency.globex, '.env'),
      unconnectedClientFile: join(agency.unconnected, '.env'),
      ownClientDir: agency.acme,
      policyFile: join(agency.home, 'policy.yaml'),
      bindingsFile: join(agency.home, 'bindings.json'),
      sessionKeyFile: join(agency.home, 'broker', 'session.key'),
      outloopEntry: join(agency.repo, 'bin', 'run.js'),
      shellRc: join(agency.user.home, '.bashrc'),
      servePid: agency.serve.pid,
      dbusAddress: agency.dbus.address,
      dbusSocket: agency.dbus.socket,
      ...extra,
    }),
  )
  spawnSync('chown', [`${agency.user.uid}:${agency.user.gid}`, configFile])
  return configFile
}

async function runHostileAgent(agency: Agency, configFile: string, flags: string[]): Promise<{code: number | null; stdout: string; stderr: string}> {
  const script = join(agency.repo, 'test', 'sandbox', 'hostile-agent.mjs')
  try {
    return await agency.cli(['run', ...flags, '--workspace', agency.acme, '--', process.execPath, script], {env: {HOSTILE_CONFIG_FILE: configFile}})
  } finally {
    rmSync(configFile)
  }
}

function parseRoutes(stdout: string): RouteResult[] {
  return stdout
    .trim()
    .split('\n')
    .map((line) => JSON.parse(line) as RouteResult)
}
