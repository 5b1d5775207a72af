import {spawnSync} from 'node:child_process'
import {chmodSync, existsSync, mkdirSync, writeFileSync} from 'node:fs'
import {isAbsolute, join} from 'node:path'

import {UserError} from '../lib/errors.js'

export interface HookInstallOptions {
  /** Any folder inside the repository. */
  readonly cwd: string
  /** Baseline path as the hook will pass it (relative to the repository's top, where git runs hooks). */
  readonly baseline: string
  readonly force: boolean
  /** How to run outloop when it is not on PATH: node and this CLI's bin/run.js. */
  readonly fallbackCommand: readonly string[]
}

/** Shell-quotes one word for a POSIX sh script. */
function shellQuote(word: string): string {
  return `'${word.replaceAll("'", `'\\''`)}'`
}

/** The pre-commit script: checks the staged content against the baseline; git runs it from the top folder. */
export function preCommitScript(baseline: string, fallbackCommand: readonly string[]): string {
  return `#!/bin/sh
# outloop pre-commit hook: refuses a commit that adds a plaintext key the baseline does not know.
# Installed by "outloop hook install". To skip once: git commit --no-verify. To remove: delete this file.
if command -v outloop >/dev/null 2>&1; then
  exec outloop check --staged --baseline ${shellQuote(baseline)}
fi
exec ${fallbackCommand.map(shellQuote).join(' ')} check --staged --baseline ${shellQuote(baseline)}
`
}

/** Writes the git pre-commit hook (honouring core.hooksPath); refuses to replace an existing hook without force. */
export function installPreCommitHook(options: HookInstallOptions): {path: string; replaced: boolean} {
  const result = spawnSync('git', ['rev-parse', '--git-path', 'hooks'], {cwd: options.cwd, encoding: 'utf8'})
  if (result.error || result.status !== 0) throw new UserError(`${options.cwd} is not inside a git repository.`, 'Run outloop hook install inside the repository the hook should guard.')
  const hooksDir = result.stdout.trim()
  const dir = isAbsolute(hooksDir) ? hooksDir : join(options.cwd, hooksDir)
  const path = join(dir, 'pre-commit')
  const exists = existsSync(path)
  if (exists && !options.force) throw new UserError(`A pre-commit hook already exists at ${path}.`, 'Add "outloop check --staged" to it yourself, or replace it with: outloop hook install --force')
  mkdirSync(dir, {recursive: true})
  writeFileSync(path, preCommitScript(options.baseline, options.fallbackCommand), {mode: 0o755})
  chmodSync(path, 0o755)
  return {path, replaced: exists}
}
