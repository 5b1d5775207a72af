import {createHmac, randomBytes, timingSafeEqual} from 'node:crypto'
import {existsSync, mkdirSync, readFileSync} from 'node:fs'

import {acquireFileLock, writeFileAtomic} from '../vault/fs-safe.js'
import {brokerPaths, loadOrCreateKeyFile} from './files.js'
import type {LauncherIdentity} from './launcher.js'

/** What a session token says: which session, which folder, which tenant, until when. */
export interface SessionClaims {
  readonly id: string
  readonly tenant: string
  readonly workspace: string
  /** Expiry, milliseconds since the epoch. */
  readonly expiresAt: number
  /** When it was minted, milliseconds since the epoch: a folder connected again later does not revive it. */
  readonly issuedAt: number
  /** The `outloop run` that holds this session open; the broker refuses the token once it is gone. */
  readonly launcher?: LauncherIdentity
}

export type SessionCheck = {ok: true; claims: SessionClaims} | {ok: false; reason: 'missing-token' | 'invalid-token' | 'expired-token' | 'revoked-token'}

const PREFIX = 'ols_'

/** The key that signs session tokens (OUTLOOP_HOME/broker/session.key, 0600). */
export function loadSessionKey(home: string): Buffer {
  const paths = brokerPaths(home)
  return loadOrCreateKeyFile(paths.sessionKey, paths.dir)
}

/** Mints a token for one launched session; it carries no key, only claims signed with the session key. */
export function mintSessionToken(key: Buffer, claims: Omit<SessionClaims, 'id' | 'issuedAt'>, now = Date.now()): {token: string; claims: SessionClaims} {
  const full: SessionClaims = {id: randomBytes(12).toString('base64url'), ...claims, issuedAt: now}
  const body = Buffer.from(JSON.stringify({i: full.id, t: full.tenant, w: full.workspace, e: full.expiresAt, a: full.issuedAt, ...(full.launcher ? {l: [full.launcher.pid, full.launcher.start]} : {})})).toString('base64url')
  return {token: `${PREFIX}${body}.${sign(key, body)}`, claims: full}
}

function sign(key: Buffer, body: string): string {
  return createHmac('sha256', key).update(body).digest('base64url')
}

/** Checks a token's signature in constant time, then its expiry. Revocation is the caller's (it needs state). */
export function verifySessionToken(key: Buffer, token: string | undefined, now = Date.now()): SessionCheck {
  if (!token) return {ok: false, reason: 'missing-token'}
  if (!token.startsWith(PREFIX) || token.length > 2048) return {ok: false, reason: 'invalid-token'}
  const dot = token.indexOf('.', PREFIX.length)
  if (dot < 0) return {ok: false, reason: 'invalid-token'}
  const body = token.slice(PREFIX.length, dot)
  // The signature's text is compared, not its decoded bytes: base64url decoding forgives unused bits, padding
  // and stray characters, so one signature would otherwise have many spellings (many tokens, one session).
  const given = Buffer.from(token.slice(dot + 1), 'utf8')
  const expected = Buffer.from(sign(key, body), 'utf8')
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return {ok: false, reason: 'invalid-token'}
  let data: {i?: unknown; t?: unknown; w?: unknown; e?: unknown; a?: unknown; l?: unknown}
  try {
    data = JSON.parse(Buffer.from(body, 'base64url').toString('utf8'))
  } catch {
    return {ok: false, reason: 'invalid-token'}
  }
  // A token without its minting time predates the check against the binding's connectedAt: it is refused.
  if (typeof data.i !== 'string' || typeof data.t !== 'string' || typeof data.w !== 'string' || typeof data.e !== 'number' || typeof data.a !== 'number') return {ok: false, reason: 'invalid-token'}
  const launcher = parseLauncher(data.l)
  if (launcher === false) return {ok: false, reason: 'invalid-token'}
  if (data.e <= now) return {ok: false, reason: 'expired-token'}
  return {ok: true, claims: {id: data.i, tenant: data.t, workspace: data.w, expiresAt: data.e, issuedAt: data.a, ...(launcher ? {launcher} : {})}}
}

function parseLauncher(value: unknown): LauncherIdentity | null | false {
  if (value === undefined) return null
  if (!Array.isArray(value) || value.length !== 2 || !Number.isSafeInteger(value[0]) || value[0] <= 0 || (value[1] !== null && typeof value[1] !== 'string')) return false
  return {pid: value[0] as number, start: value[1] as string | null}
}

/** Revoked session ids (with their expiry, so the list can be pruned). */
export function readRevokedSessions(home: string): Map<string, number> {
  const path = brokerPaths(home).revoked
  if (!existsSync(path)) return new Map()
  try {
    const data = JSON.parse(readFileSync(path, 'utf8')) as {revoked?: Array<{id: string; expiresAt: number}>}
    return new Map((data.revoked ?? []).map((r) => [r.id, r.expiresAt]))
  } catch {
    // A damaged list must not re-enable anything: the broker treats an unreadable list as "revoke all".
    return new Map([['*', Number.MAX_SAFE_INTEGER]])
  }
}

/** Revokes one session now; expired entries are pruned as the list is rewritten. */
export async function revokeSession(home: string, claims: Pick<SessionClaims, 'id' | 'expiresAt'>, now = Date.now()): Promise<void> {
  const paths = brokerPaths(home)
  mkdirSync(paths.dir, {recursive: true, mode: 0o700})
  const release = await acquireFileLock(paths.revoked + '.lock', {what: 'The session list'})
  try {
    const revoked = readRevokedSessions(home)
    revoked.delete('*')
    revoked.set(claims.id, claims.expiresAt)
    const list = [...revoked].filter(([, expiresAt]) => expiresAt > now).map(([id, expiresAt]) => ({id, expiresAt}))
    writeFileAtomic(paths.revoked, JSON.stringify({revoked: list}) + '\n')
  } finally {
    release()
  }
}
