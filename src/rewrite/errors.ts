/**
 * Why a rewrite step refused: `changed` (the file no longer holds what was planned: skip it, re-plan),
 * `overlap` and `unencodable` (a plan that cannot be applied as built), `verify` (the result failed its checks).
 */
export type RewriteErrorKind = 'changed' | 'overlap' | 'unencodable' | 'verify' | 'placeholder'

/**
 * A rewrite refused. The message names the file and a position only: file text may hold the very secret
 * being moved, so no byte of it ever goes into an error.
 */
export class RewriteError extends Error {
  readonly kind: RewriteErrorKind
  readonly relPath: string
  readonly line: number
  readonly column: number
  /** A changed file is the user's to resolve (exit 2); anything else is a bug in outloop (exit 70). */
  readonly exitCode: number

  constructor(kind: RewriteErrorKind, relPath: string, position: {line: number; column: number}, reason: string) {
    super(`Can't rewrite ${relPath}:${position.line}:${position.column}: ${reason}`)
    this.name = 'RewriteError'
    this.kind = kind
    this.relPath = relPath
    this.line = position.line
    this.column = position.column
    this.exitCode = kind === 'changed' ? 2 : 70
  }
}
