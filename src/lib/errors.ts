/** A problem the user can act on: bad input, a missing file, a wrong passphrase. Exit code 2. */
export class UserError extends Error {
  readonly hint: string | undefined
  readonly exitCode = 2

  constructor(message: string, hint?: string) {
    super(message)
    this.name = 'UserError'
    this.hint = hint
  }
}

/** The user stopped an interactive step. Exit code 130, nothing written. */
export class CancelledError extends Error {
  readonly exitCode = 130

  constructor(message = 'Cancelled: nothing was changed.') {
    super(message)
    this.name = 'CancelledError'
  }
}

/** A bug: an invariant broke. The message must never carry a secret. Exit code 70. */
export class BugError extends Error {
  readonly exitCode = 70

  constructor(message: string) {
    super(message)
    this.name = 'BugError'
  }
}
