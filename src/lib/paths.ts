import {readFileSync} from 'node:fs'
import {homedir} from 'node:os'
import {join, sep} from 'node:path'

import {UserError} from './errors.js'

/** The state folder: `OUTLOOP_HOME`, else `~/.outloop`. */
export function outloopHome(env: NodeJS.ProcessEnv = process.env): string {
  return env.OUTLOOP_HOME && env.OUTLOOP_HOME.trim() !== '' ? env.OUTLOOP_HOME : join(homedir(), '.outloop')
}

/** A platform path with `/` separators, as every report and baseline spells paths. */
export function toPosixPath(path: string): string {
  return sep === '/' ? path : path.split(sep).join('/')
}

/** A settings file's text, or null when it does not exist; any other read failure is a UserError naming `label`. */
export function readSettingsText(path: string, label: string, hint?: string): string | null {
  try {
    return readFileSync(path, 'utf8')
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null
    throw new UserError(`Can't read ${label}: ${(error as NodeJS.ErrnoException).code ?? 'unreadable'}.`, hint)
  }
}
