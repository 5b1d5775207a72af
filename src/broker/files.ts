import {randomBytes} from 'node:crypto'
import {mkdirSync, readFileSync} from 'node:fs'
import {join} from 'node:path'

import {createFileAtomic} from '../vault/fs-safe.js'

/** Where the access layer keeps its state inside OUTLOOP_HOME. */
export function brokerPaths(home: string): {dir: string; bindings: string; sessionKey: string; revoked: string; state: string; usage: string; policy: string; auditDir: string; auditKey: string} {
  const dir = join(home, 'broker')
  return {
    dir,
    bindings: join(home, 'bindings.json'),
    sessionKey: join(dir, 'session.key'),
    revoked: join(dir, 'revoked.json'),
    state: join(dir, 'broker.json'),
    usage: join(dir, 'usage.json'),
    policy: join(home, 'policy.yaml'),
    auditDir: join(home, 'audit'),
    auditKey: join(home, 'audit', 'chain.key'),
  }
}

/** A 32-byte key kept in a 0600 file, created on first use; two processes racing agree on one. */
export function loadOrCreateKeyFile(path: string, folder: string): Buffer {
  mkdirSync(folder, {recursive: true, mode: 0o700})
  try {
    return readKey(path)
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error
  }
  createFileAtomic(path, randomBytes(32).toString('base64') + '\n')
  return readKey(path)
}

function readKey(path: string): Buffer {
  const key = Buffer.from(readFileSync(path, 'utf8').trim(), 'base64')
  if (key.length !== 32) throw new Error(`key file damaged: ${path}`)
  return key
}
