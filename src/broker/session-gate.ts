import {statSync} from 'node:fs'

import {findWorkspaceBinding, readWorkspaceBindings, type WorkspaceBinding} from './bindings.js'
import {brokerPaths} from './files.js'
import {isLauncherAlive} from './launcher.js'
import {loadSessionKey, readRevokedSessions, verifySessionToken, type SessionClaims} from './tokens.js'

export type SessionOutcome = {ok: true; claims: SessionClaims} | {ok: false; reason: string}

/** Cached by file modification time, so the broker sees `disconnect` and revocations within one request. */
class StatCache<T> {
  #stamp = ''
  #value: T
  constructor(
    private readonly path: string,
    private readonly load: () => T,
    empty: T,
  ) {
    this.#value = empty
  }

  get(): T {
    // Inode too: files are replaced by rename, and two replacements can share a modification time.
    let stamp = 'missing'
    try {
      const st = statSync(this.path)
      stamp = `${st.ino}:${st.mtimeMs}:${st.size}`
    } catch {
      stamp = 'missing'
    }
    if (stamp !== this.#stamp) {
      this.#value = this.load()
      this.#stamp = stamp
    }
    return this.#value
  }
}

/**
 * Which session a token is, if any still is: signature, expiry, revocation, the launcher that holds it
 * open, and the folder binding that decides its tenant. Every door checks every request through this.
 */
export class SessionGate {
  readonly #key: Buffer
  readonly #bindings: StatCache<WorkspaceBinding[]>
  readonly #revoked: StatCache<Map<string, number>>
  // Verified signatures, so a busy agent's token is not re-hashed per request; expiry and revocation still are.
  readonly #verified = new Map<string, SessionClaims>()
  // When each session's launcher was last seen alive: at most one /proc read per session every 200 ms.
  readonly #launcherSeen = new Map<string, number>()

  constructor(home: string) {
    const paths = brokerPaths(home)
    this.#key = loadSessionKey(home)
    this.#bindings = new StatCache(paths.bindings, () => readWorkspaceBindings(home), [])
    this.#revoked = new StatCache(paths.revoked, () => readRevokedSessions(home), new Map())
  }

  check(token: string | undefined): SessionOutcome {
    let claims = token ? this.#verified.get(token) : undefined
    if (!claims) {
      const fresh = verifySessionToken(this.#key, token)
      if (!fresh.ok) return fresh
      claims = fresh.claims
      if (this.#verified.size >= 1024) this.#verified.clear()
      this.#verified.set(token!, claims)
    }
    if (claims.expiresAt <= Date.now()) return {ok: false, reason: 'expired-token'}
    const revokedNow = this.#revoked.get()
    if (revokedNow.has(claims.id) || revokedNow.has('*')) return {ok: false, reason: 'revoked-token'}
    // A session lives only as long as the outloop run that launched it: an agent orphaned by a killed launcher is refused.
    const launcher = claims.launcher
    if (launcher) {
      const now = Date.now()
      if ((this.#launcherSeen.get(claims.id) ?? 0) < now - 200) {
        if (!isLauncherAlive(launcher)) {
          this.#launcherSeen.delete(claims.id)
          return {ok: false, reason: 'launcher-gone'}
        }
        if (this.#launcherSeen.size >= 1024) this.#launcherSeen.clear()
        this.#launcherSeen.set(claims.id, now)
      }
    }
    // The binding decides the tenant: a disconnected or rebound folder invalidates its sessions at once.
    const binding = findWorkspaceBinding(this.#bindings.get(), claims.workspace)
    if (!binding || binding.dir !== claims.workspace || binding.tenant !== claims.tenant) return {ok: false, reason: 'unbound-workspace'}
    // outloop.* entries (migration backup keys, template values) are outloop's own: no session ever acts as them.
    if (claims.tenant.startsWith('outloop.')) return {ok: false, reason: 'unbound-workspace'}
    // Disconnecting and connecting the folder again ends its old sessions: a token minted before is refused.
    if (!(claims.issuedAt >= Date.parse(binding.connectedAt))) return {ok: false, reason: 'stale-token'}
    return {ok: true, claims}
  }
}
