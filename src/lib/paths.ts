import {homedir} from 'node:os'
import {join, sep} from 'node:path'

/** The state folder: `OUTLOOP_HOME`, else `~/.outloop`. */
export function outloopHome(env: NodeJS.ProcessEnv = process.env): string {
  return env.OUTLOOP_HOME && env.OUTLOOP_HOME.trim() !== '' ? env.OUTLOOP_HOME : join(homedir(), '.outloop')
}

/** A platform path with `/` separators, as every report and baseline spells paths. */
export function toPosixPath(path: string): string {
  return sep === '/' ? path : path.split(sep).join('/')
}
