import {Command, Errors} from '@oclif/core'

import {BugError, CancelledError, UserError} from './errors.js'

/**
 * The one place that turns errors into exit codes: a UserError (2) prints its message and next step;
 * a cancel (130) says nothing was changed; anything else is a bug (70) and prints no stack, since a stack
 * can carry values from the frames it names.
 */
export abstract class OutloopCommand extends Command {
  protected override async catch(error: Error & {exitCode?: number; oclif?: {exit?: number}}): Promise<unknown> {
    if (error instanceof UserError) {
      this.logToStderr(`Error: ${error.message}`)
      if (error.hint) this.logToStderr(error.hint)
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
      this.logToStderr(`Error: ${error.message}`)
      this.logToStderr(`See: outloop ${this.id?.replaceAll(':', ' ') ?? ''} --help`)
      return this.exit(2)
    }
    const kind = error instanceof BugError ? error.message : error.name
    this.logToStderr(`Error: outloop hit an internal problem (${kind}). Nothing was changed. Please report it with the command you ran.`)
    return this.exit(70)
  }
}
