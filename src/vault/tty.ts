import {UserError, CancelledError} from '../lib/errors.js'
import {SecretValue} from '../lib/secret-value.js'

/** Whether a person is there to answer a prompt: stdin and stderr are both terminals. */
export function canPromptOnTerminal(): boolean {
  return Boolean(process.stdin.isTTY && process.stderr.isTTY)
}

/**
 * Reads one line from the terminal without echoing it (prompt on stderr). Ctrl-C cancels, Ctrl-D on an
 * empty line too. Values typed here never reach argv, the shell history or the screen.
 */
export function readHiddenLine(prompt: string): Promise<SecretValue> {
  const stdin = process.stdin
  if (!stdin.isTTY) return Promise.reject(new UserError('No terminal to ask on.', 'Pipe the value on stdin instead.'))
  process.stderr.write(prompt)
  return new Promise((resolve, reject) => {
    let value = ''
    const wasRaw = stdin.isRaw
    stdin.setRawMode(true)
    stdin.resume()
    stdin.setEncoding('utf8')
    const finish = (error: Error | null): void => {
      stdin.removeListener('data', onData)
      stdin.setRawMode(wasRaw)
      stdin.pause()
      process.stderr.write('\n')
      if (error) reject(error)
      else resolve(new SecretValue(value))
      value = ''
    }
    const onData = (chunk: string): void => {
      for (const char of chunk) {
        if (char === '\r' || char === '\n') return finish(null)
        if (char === '\u0003') return finish(new CancelledError())
        if (char === '\u0004') {
          if (value === '') return finish(new CancelledError())
          continue
        }
        if (char === '\u007f' || char === '\b') value = value.slice(0, -1)
        else if (char === '\u0015') value = ''
        else if (char >= ' ') value += char
      }
    }
    stdin.on('data', onData)
  })
}

/** Reads a value piped on stdin: all of it, less one trailing newline (what `echo` and editors add). */
export async function readSecretFromStdin(stdin: NodeJS.ReadableStream = process.stdin): Promise<SecretValue> {
  const chunks: Buffer[] = []
  for await (const chunk of stdin) chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer))
  const text = Buffer.concat(chunks).toString('utf8')
  return new SecretValue(text.replace(/\r?\n$/, ''))
}
