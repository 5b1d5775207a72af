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

/** Asks for the file vault's passphrase on the terminal: twice when creating, so a typo can't lock the vault. */
/** The passphrase prompt a command hands its vault service: this terminal's, when there is one. */
export function terminalPassphrasePrompt(): ((purpose: 'create' | 'unlock') => Promise<SecretValue>) | undefined {
  return canPromptOnTerminal() ? askPassphraseOnTerminal : undefined
}

export async function askPassphraseOnTerminal(purpose: 'create' | 'unlock'): Promise<SecretValue> {
  if (!canPromptOnTerminal()) {
    throw new UserError('The file vault needs its passphrase, and there is no terminal to ask on.', 'Set OUTLOOP_PASSPHRASE for unattended use, or run the command in a terminal.')
  }
  if (purpose === 'unlock') return readHiddenLine('Vault passphrase: ')
  process.stderr.write('Choose a passphrase for the new vault (at least 8 characters; outloop cannot recover it).\n')
  const first = await readHiddenLine('New vault passphrase: ')
  const second = await readHiddenLine('Repeat it: ')
  if (!first.equals(second)) throw new UserError('The two passphrases differ. Nothing was created.', 'Run the command again.')
  return first
}

/** A yes/no question on the terminal; anything but y/yes is no. */
export async function confirmOnTerminal(question: string): Promise<boolean> {
  const answer = await readVisibleLine(`${question} [y/N] `)
  return /^y(es)?$/i.test(answer.trim())
}

function readVisibleLine(prompt: string): Promise<string> {
  const stdin = process.stdin
  process.stderr.write(prompt)
  return new Promise((resolve) => {
    let text = ''
    stdin.resume()
    stdin.setEncoding('utf8')
    const onData = (chunk: string): void => {
      text += chunk
      const newline = text.indexOf('\n')
      if (newline < 0) return
      stdin.removeListener('data', onData)
      stdin.pause()
      resolve(text.slice(0, newline).replace(/\r$/, ''))
    }
    stdin.on('data', onData)
  })
}
