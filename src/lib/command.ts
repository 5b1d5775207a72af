import {Command} from '@oclif/core/command'
import * as Errors from '@oclif/core/errors'

import {escapeControlChars} from './display.js'
import {BugError, CancelledError, UserError} from './errors.js'

/**
 * The one place that turns errors into exit codes: a UserError (2) prints its message and next step;
 * a cancel (130) says nothing was changed; anything else is a bug (70) and prints no stack, since a stack
 * can carry values from the frames it names.
 */
export abstract class OutloopCommand extends Command {
  protected override async catch(error: Error & {exitCode?: number; oclif?: {exit?: number}}): Promise<unknown> {
    if (error instanceof UserError) {
      // Messages name files, and a file name can hold escape sequences: never hand them to the terminal raw.
      this.logToStderr(escapeLines(`Error: ${error.message}`))
      if (error.hint) this.logToStderr(escapeLines(error.hint))
      return this.exit(2)
    }
    if (error instanceof CancelledError) {
      this.logToStderr(error.message)
      return this.exit(130)
    }
    // oclif's own exits (this.exit) and flag/argument parse errors: usage problems exit 2.
    if (error instanceof Errors.ExitError) throw error
    if (error instanceof Errors.CLIError || error.oclif) {
      const exit = error.oclif?.exit
      if (exit === 0 || exit === 1) throw error
      this.logToStderr(`Error: ${withoutArgumentValues(error.message, this.argv)}`)
      this.logToStderr(`See: outloop ${this.id?.replaceAll(':', ' ') ?? ''} --help`)
      return this.exit(2)
    }
    // The machine refused (read-only or full file system, no permission): the user can act on that, and the
    // path is theirs to see. A system error's message names the call and the path, never file contents.
    const system = error as NodeJS.ErrnoException
    if (!(error instanceof BugError) && system.code && SYSTEM_REFUSALS[system.code] && system.syscall) {
      this.logToStderr(escapeControlChars(`Error: Can't ${system.syscall} ${system.path ?? 'a file'}: ${SYSTEM_REFUSALS[system.code]}.`))
      this.logToStderr('Nothing else was attempted after that; check the folder and run the command again.')
      return this.exit(2)
    }
    const kind = error instanceof BugError ? error.message : error.name
    this.logToStderr(`Error: outloop hit an internal problem (${kind}). Please report it with the command you ran. A migration it stopped is undone by the next outloop migrate or outloop rollback.`)
    return this.exit(70)
  }
}

/** Escapes control characters line by line: a message's own line breaks (a policy's problem list) stay. */
function escapeLines(text: string): string {
  return text.split('\n').map(escapeControlChars).join('\n')
}

/** File-system refusals that are the machine's state, not a bug, in words. */
const SYSTEM_REFUSALS: Record<string, string> = {
  EROFS: 'the file system is read-only',
  EACCES: 'permission denied',
  EPERM: 'operation not permitted',
  ENOSPC: 'no space left on the device',
  EDQUOT: 'the disk quota is used up',
}

/**
 * oclif's parse errors quote what was typed ("Unexpected argument: …"), and a user may have typed a key.
 * Flag names stay; every argument value is replaced, longest first so a value inside another is caught too.
 */
export function withoutArgumentValues(message: string, argv: readonly string[]): string {
  const values = argv
    .flatMap((arg) => (arg.startsWith('-') ? (arg.includes('=') ? [arg.slice(arg.indexOf('=') + 1)] : []) : [arg]))
    .filter((value) => value.length > 0)
    .sort((a, b) => b.length - a.length)
  let scrubbed = message
  for (const value of values) scrubbed = scrubbed.split(value).join('[argument]')
  return scrubbed
}
