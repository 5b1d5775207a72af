import {createInterface, type Interface} from 'node:readline'

import type {PendingApproval} from '../broker/approvals.js'
import {describeApproval} from './approvals-text.js'

type Answer = (id: string, answer: 'approve' | 'deny', scope: 'request' | 'session') => boolean

/**
 * The prompt `outloop serve` shows on its own terminal for each held request, oldest first: `y` lets it go on,
 * `s` lets the rest of its session through under that grant, `n` denies. The terminal is the operator's (an agent
 * runs elsewhere, under outloop run), and a request answered at `outloop approvals` or timed out leaves the queue.
 * Lines are read in the terminal's own line mode, so Ctrl-C still stops the broker.
 */
export class ApprovalPrompt {
  readonly #queue: PendingApproval[] = []
  readonly #write: (text: string) => void
  readonly #answer: Answer
  readonly #input: NodeJS.ReadableStream
  #lines: Interface | null = null

  constructor(options: {input: NodeJS.ReadableStream; write: (text: string) => void; answer: Answer}) {
    this.#input = options.input
    this.#write = options.write
    this.#answer = options.answer
  }

  add(pending: PendingApproval): void {
    this.#queue.push(pending)
    // Read only once something asks: a broker no one is asked at never touches its terminal's input.
    if (!this.#lines) {
      this.#lines = createInterface({input: this.#input, terminal: false})
      this.#lines.on('line', (line) => this.#onLine(line))
    }
    if (this.#queue.length === 1) this.#ask()
    else this.#write(`(${this.#queue.length - 1} more waiting)\n`)
  }

  settled(id: string): void {
    const at = this.#queue.findIndex((p) => p.id === id)
    if (at < 0) return
    this.#queue.splice(at, 1)
    if (at === 0) {
      this.#write(`Request ${id} is no longer waiting.\n`)
      if (this.#queue.length > 0) this.#ask()
    }
  }

  close(): void {
    this.#lines?.close()
    this.#lines = null
  }

  #ask(): void {
    const head = this.#queue[0]!
    this.#write(`Approval needed: ${describeApproval(head)}\nApprove? y = this request, s = the rest of its session, n = deny: `)
  }

  #onLine(line: string): void {
    const head = this.#queue[0]
    if (!head) return
    const choice = line.trim().toLowerCase()
    const answer = choice === 'y' || choice === 'yes' ? 'approve' : choice === 's' || choice === 'session' ? 'approve' : choice === 'n' || choice === 'no' ? 'deny' : null
    if (!answer) return this.#write('Type y, s or n: ')
    const id = head.id
    const scope = choice.startsWith('s') ? 'session' : 'request'
    // settled() follows from the answer and moves the queue on.
    if (this.#answer(id, answer, scope)) this.#write(`${answer === 'approve' ? (scope === 'session' ? 'Approved for the rest of its session' : 'Approved') : 'Denied'}: ${id}\n`)
  }
}
