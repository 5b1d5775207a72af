// A prompt-injected agent for acme, run by the tests through the real `outloop run`. It tries every route to
// another client's keys or sessions that an agent with a shell has, and prints one JSON line per route:
// {route, blocked, detail}. `detail` says what happened (an errno, a status, a count), never what was read.
import {execFileSync, spawnSync} from 'node:child_process'
import {closeSync, mkdirSync, openSync, readdirSync, readFileSync, readSync, writeFileSync} from 'node:fs'
import {connect} from 'node:net'
import {request} from 'node:http'
import {join} from 'node:path'

const config = JSON.parse(readFileSync(process.env.HOSTILE_CONFIG_FILE, 'utf8'))
const results = []
const report = (route, blocked, detail) => results.push({route, blocked, detail: String(detail).slice(0, 300)})
const errno = (error) => error?.code ?? error?.message?.split('\n')[0] ?? String(error)
const holdsSecret = (text) => config.secrets.some((secret) => text.includes(secret))

const tryRead = (path) => {
  try {
    const bytes = readFileSync(path)
    return {ok: true, bytes}
  } catch (error) {
    return {ok: false, error: errno(error)}
  }
}

// 1. Every file under OUTLOOP_HOME, by the path the operator's machine has it at.
{
  const readable = config.homeFiles.filter((path) => {
    const read = tryRead(path)
    return read.ok && read.bytes.length > 0
  })
  report('read every file under OUTLOOP_HOME by its path', readable.length === 0, `${readable.length} of ${config.homeFiles.length} readable`)
}
// 2. OUTLOOP_HOME as a folder.
{
  let names = []
  try {
    names = readdirSync(config.home)
  } catch (error) {
    names = []
  }
  report('list OUTLOOP_HOME', names.length === 0, `${names.length} entries`)
}
// 3. /proc/*/environ of every process in sight.
{
  const pids = readdirSync('/proc').filter((name) => /^\d+$/.test(name))
  const leaking = pids.filter((pid) => {
    const read = tryRead(`/proc/${pid}/environ`)
    return read.ok && (holdsSecret(read.bytes.toString('latin1')) || read.bytes.toString('latin1').includes('OUTLOOP_PASSPHRASE='))
  })
  const outloop = pids.filter((pid) => {
    const read = tryRead(`/proc/${pid}/cmdline`)
    return read.ok && /run\.js|outloop/.test(read.bytes.toString('latin1')) && !read.bytes.toString('latin1').includes('hostile-agent')
  })
  report('/proc/*/environ of every visible process', leaking.length === 0, `${pids.length} processes visible, ${leaking.length} with a secret`)
  report('find outloop processes under /proc', outloop.length === 0, `${outloop.length} outloop processes visible`)
}
// 4. The broker's and the launcher's environment and memory, by their real pids.
// The token itself names the launcher's pid (so the broker can tell when it is gone): an attacker reads it there.
const launcherPid = JSON.parse(Buffer.from(process.env.OUTLOOP_SESSION.slice(4).split('.')[0], 'base64url').toString('utf8')).l[0]
for (const [name, pid] of [
  ['outloop serve', config.servePid],
  ['outloop run (the launcher)', launcherPid],
]) {
  const environ = tryRead(`/proc/${pid}/environ`)
  const environLeak = environ.ok && (holdsSecret(environ.bytes.toString('latin1')) || environ.bytes.toString('latin1').includes('OUTLOOP_PASSPHRASE='))
  report(`/proc/PID/environ of ${name}`, !environLeak, environ.ok ? `readable, ${environ.bytes.length} bytes, no secret` : environ.error)
  let memLeak = false
  let memDetail = ''
  try {
    const maps = readFileSync(`/proc/${pid}/maps`, 'utf8')
    const fd = openSync(`/proc/${pid}/mem`, 'r')
    const buffer = Buffer.alloc(1 << 20)
    for (const line of maps.split('\n').filter((l) => / rw.p /.test(l)).slice(0, 400)) {
      const [from, to] = line.split(' ')[0].split('-').map((h) => Number.parseInt(h, 16))
      for (let at = from; at < to; at += buffer.length) {
        try {
          const n = readSync(fd, buffer, 0, Math.min(buffer.length, to - at), at)
          if (holdsSecret(buffer.subarray(0, n).toString('latin1'))) memLeak = true
        } catch {
          break
        }
      }
    }
    closeSync(fd)
    memDetail = 'mem readable'
  } catch (error) {
    memDetail = errno(error)
  }
  report(`/proc/PID/mem of ${name}`, !memLeak, memDetail)
}
// 5. Another client's folder.
{
  const read = tryRead(config.otherClientFile)
  report("read another client's folder", !(read.ok && read.bytes.length > 0), read.ok ? `${read.bytes.length} bytes` : read.error)
  const unconnected = tryRead(config.unconnectedClientFile)
  report('read a client folder not connected yet (plaintext keys)', !(unconnected.ok && unconnected.bytes.length > 0), unconnected.ok ? `${unconnected.bytes.length} bytes` : unconnected.error)
}
// 6-7. Rewrite the policy and the bindings, in place.
// (The unconfined control run points these at copies: there, they would succeed.)
const targets = config.writeTargets ?? {policy: config.policyFile, bindings: config.bindingsFile, outloopEntry: config.outloopEntry, shellRc: config.shellRc}
for (const [what, path] of [
  ['policy', targets.policy],
  ['bindings', targets.bindings],
]) {
  try {
    writeFileSync(path, what === 'policy' ? 'clients:\n  acme:\n    - {secret: openai-api-key, service: openai}\n' : '{}')
    report(`write the ${what}`, false, 'written')
  } catch (error) {
    report(`write the ${what}`, true, errno(error))
  }
}
// 8. Persist something the operator runs later: outloop's own code, or their shell's start-up file.
for (const [what, path] of [
  ["outloop's own entry point", targets.outloopEntry],
  ["the operator's shell rc", targets.shellRc],
]) {
  try {
    writeFileSync(path, '# planted\n', {flag: 'a'})
    report(`plant code in ${what}`, false, 'written')
  } catch (error) {
    report(`plant code in ${what}`, true, errno(error))
  }
}

const broker = (path, headers) =>
  new Promise((resolve) => {
    const req = request(process.env.OUTLOOP_BROKER_URL + path, {method: 'POST', headers: {...headers, 'content-type': 'application/json'}, agent: false}, (res) => {
      let body = ''
      res.on('data', (c) => (body += c))
      res.on('end', () => {
        let reason = ''
        try {
          reason = JSON.parse(body).error?.reason ?? ''
        } catch {}
        resolve({status: res.statusCode, reason})
      })
    })
    req.on('error', (error) => resolve({status: 0, reason: errno(error)}))
    req.end('{}')
  })

// 9. Forge a token: from the session key, or by editing our own token's claims.
{
  const key = tryRead(config.sessionKeyFile)
  report('read the session signing key', !(key.ok && key.bytes.length > 0), key.ok ? `${key.bytes.length} bytes` : key.error)
  const own = process.env.OUTLOOP_SESSION
  const [body, signature] = own.slice(4).split('.')
  const claims = JSON.parse(Buffer.from(body, 'base64url').toString('utf8'))
  const forgedBody = Buffer.from(JSON.stringify({...claims, t: 'globex', w: config.otherClientDir})).toString('base64url')
  const forged = await broker('/openai/v1/chat/completions', {'x-outloop-session': `ols_${forgedBody}.${signature}`, authorization: 'Bearer outloop://globex/openai-api-key'})
  report('a token edited to name globex', forged.status === 401, `${forged.status} ${forged.reason}`)
}
// 10. A token from an earlier, finished session (saved by the agent back then).
{
  const old = await broker('/openai/v1/chat/completions', {'x-outloop-session': config.revokedToken, authorization: 'Bearer outloop://acme/openai-api-key'})
  report('a revoked token of an earlier session', old.status === 401, `${old.status} ${old.reason}`)
}
// 11. Another client's placeholder through the broker, with our own valid session.
{
  const foreign = await broker('/openai/v1/chat/completions', {'x-outloop-session': process.env.OUTLOOP_SESSION, authorization: 'Bearer outloop://globex/openai-api-key'})
  report("another client's placeholder through the broker", foreign.status === 403 && foreign.reason === 'tenant-mismatch', `${foreign.status} ${foreign.reason}`)
}

// 12-14. outloop's own CLI, as the agent would call it.
const outloop = (args) => spawnSync(process.execPath, [config.outloopEntry, ...args], {encoding: 'utf8', timeout: 20_000, env: {...process.env, NO_COLOR: '1'}, input: ''})
{
  const got = outloop(['vault', 'get', 'outloop://globex/openai-api-key', '--reveal', '--force'])
  report('outloop vault get --reveal --force', got.status !== 0 && !holdsSecret(got.stdout + got.stderr), `exit ${got.status}`)
  const run = outloop(['run', '--workspace', config.otherClientDir, '--', process.execPath, '-e', 'console.log("TENANT=" + process.env.OUTLOOP_TENANT)'])
  report('outloop run --workspace <other client>', run.status !== 0 && !/TENANT=globex/.test(run.stdout), `exit ${run.status}`)
  const connected = outloop(['connect', config.ownClientDir, '--tenant', 'globex'])
  // Refused as the user's problem (exit 2: a read-only OUTLOOP_HOME), not as a crash (70).
  report('outloop connect <own folder> --tenant globex', connected.status === 2, `exit ${connected.status}`)
}
// 15. The Secret Service over D-Bus: the bus socket by its path, and by the variable (which we should not have).
{
  let outcome
  try {
    outcome = await new Promise((resolve) => {
      const socket = connect(config.dbusSocket)
      socket.on('connect', () => {
        socket.destroy()
        resolve('connected')
      })
      socket.on('error', (error) => resolve(errno(error)))
    })
  } catch (error) {
    outcome = errno(error)
  }
  report('connect to the D-Bus session bus socket', outcome !== 'connected', outcome)
  const send = spawnSync('dbus-send', [`--bus=${config.dbusAddress}`, '--print-reply', '--dest=org.freedesktop.DBus', '/org/freedesktop/DBus', 'org.freedesktop.DBus.ListNames'], {encoding: 'utf8', timeout: 10_000})
  report('dbus-send to the session bus (Secret Service)', send.status !== 0, `exit ${send.status}`)
  report('D-Bus and agent sockets in the environment', !process.env.DBUS_SESSION_BUS_ADDRESS && !process.env.SSH_AUTH_SOCK, 'variables')
}
// 16. Any abstract Unix socket (they have no path to hide), and the kernel keyring.
{
  const python = spawnSync('python3', ['-c', 'import socket\ns=socket.socket(socket.AF_UNIX)\nprint("created")'], {encoding: 'utf8'})
  report('create a Unix socket (abstract D-Bus, X11, ssh-agent)', !python.stdout.includes('created'), python.stderr.trim().split('\n').pop())
  const tiocsti = spawnSync('python3', ['-c', 'import fcntl,termios,sys\ntry:\n  fcntl.ioctl(0, termios.TIOCSTI, b"x")\n  print("typed")\nexcept OSError as e:\n  print("errno", e.errno)'], {encoding: 'utf8', stdio: ['inherit', 'pipe', 'pipe']})
  report("type into the operator's terminal (TIOCSTI)", tiocsti.stdout.trim() === 'errno 1', tiocsti.stdout.trim())
}
// 17. The launcher's secrets in our own environment.
{
  const env = JSON.stringify(process.env)
  report('secrets in the agent environment', !holdsSecret(env) && !('OUTLOOP_PASSPHRASE' in process.env) && !('VAULT_TOKEN' in process.env), 'environment')
}
// 18. Take the hiding mount away.
{
  const umount = spawnSync('umount', [config.home], {encoding: 'utf8'})
  const after = tryRead(config.sessionKeyFile)
  report('unmount what hides OUTLOOP_HOME', !(after.ok && after.bytes.length > 0), `umount exit ${umount.status}`)
}
// 19. Approve our own request: the grant for /v1/responses holds every request for a person (approve: always).
{
  const held = broker('/openai/v1/responses', {'x-outloop-session': process.env.OUTLOOP_SESSION, authorization: 'Bearer outloop://acme/openai-api-key'})
  await new Promise((resolve) => setTimeout(resolve, 500))
  const asOperator = (args) => spawnSync(process.execPath, [config.outloopEntry, ...args], {encoding: 'utf8', timeout: 20_000, env: {...process.env, NO_COLOR: '1', OUTLOOP_HOME: config.home}, input: ''})
  const ids = new Set()
  try {
    for (const entry of JSON.parse(asOperator(['approvals', '--json']).stdout).pending) ids.add(entry.id)
  } catch {}
  let pendingFolder
  try {
    for (const name of readdirSync(join(config.home, 'approvals', 'pending'))) ids.add(name.replace(/\.json$/, ''))
    pendingFolder = 'listed'
  } catch (error) {
    pendingFolder = errno(error)
  }
  report('see its own held request (outloop approvals, the pending folder)', ids.size === 0, `${ids.size} seen, folder ${pendingFolder}`)
  let approved = false
  for (const id of ids) if (asOperator(['approvals', 'approve', id, '--for-session']).status === 0) approved = true
  let forged
  try {
    mkdirSync(join(config.home, 'approvals', 'answers'), {recursive: true})
    for (const id of ids.size > 0 ? ids : ['k7m2qx9d']) writeFileSync(join(config.home, 'approvals', 'answers', `${id}.json`), JSON.stringify({id, answer: 'approve', scope: 'session'}))
    forged = 'written'
  } catch (error) {
    forged = errno(error)
  }
  report('approve its own held request (outloop approvals approve, a forged answer file)', !approved && forged !== 'written', `${approved ? 'approved' : 'refused'}, answer file ${forged}`)
  const outcome = await held
  report('its held request goes upstream without a person', outcome.status === 403 && outcome.reason === 'approval-timeout', `${outcome.status} ${outcome.reason}`)
}

process.stdout.write(results.map((r) => JSON.stringify(r)).join('\n') + '\n')
