import {userInfo} from 'node:os'

import * as Flags from '@oclif/core/flags'

import {OutloopCommand} from '../cli/command.js'
import {PASSPHRASE_IN_ENVIRON_WARNING, passphraseInEnvironBlock} from '../lib/process.js'
import {outloopHome} from '../lib/paths.js'
import {untilStopSignal} from '../lib/process.js'
import {serveBroker} from '../services/serve.js'
import {ApprovalPrompt} from '../ui/approval-prompt.js'
import {vaultBackendFlags} from '../cli/vault-flags.js'
import {canPromptOnTerminal, terminalPassphrasePrompt} from '../ui/tty.js'

function userName(): string {
  try {
    return userInfo().username
  } catch {
    return `uid ${process.getuid?.() ?? '?'}`
  }
}

export default class Serve extends OutloopCommand {
  static override summary = 'Run the local broker: agents call providers through it and never hold a key.'

  static override description = `Listens on 127.0.0.1. An agent sends requests to /<service>/<path> with its session token (the /_t/<token>/ path prefix that outloop run puts in its base URLs, or the x-outloop-session header) and its placeholder as the key; the broker checks the session, the client and the policy (OUTLOOP_HOME/policy.yaml) before any upstream connection, attaches the real key, and audits every request. An edit of the policy is picked up within a second; an invalid one is reported and the last good policy stays in use.

A request under a grant with approve: writes|always waits for a person: on a terminal, serve asks here (y, s for the rest of that session, n); outloop approvals answers from any other terminal of this user, and a desktop notification says what waits where the system shows one. Budgets (limit: 60/min) answer 429 with Retry-After once spent.

Exit codes: 0 stopped by Ctrl-C or SIGTERM, 2 no valid policy, vault locked or the port taken.`

  static override examples = ['<%= config.bin %> serve', '<%= config.bin %> serve --port 7745', '<%= config.bin %> serve --port 0 --json   # a free port; its number in the JSON on stdout']

  static override flags = {
    ...vaultBackendFlags,
    port: Flags.integer({description: 'Port on 127.0.0.1 (0 picks a free one).', default: 7745, min: 0, max: 65535}),
    host: Flags.string({description: 'Loopback address to listen on.', default: '127.0.0.1', options: ['127.0.0.1', '::1', 'localhost']}),
    socket: Flags.string({description: 'Also listen on this Unix socket (created 0600).'}),
    timeout: Flags.integer({description: 'Seconds to wait for an upstream (and the longest silence in a stream).', default: 120, min: 1}),
    'max-request-mb': Flags.integer({description: 'Largest request body forwarded, in MB.', default: 10, min: 1}),
    json: Flags.boolean({description: 'Once listening, print one JSON document on stdout (schema outloop.serve/v1: url, host, port, socket, pid, policy, clients) and nothing else there; messages stay on stderr.'}),
  }

  async run(): Promise<void> {
    const {flags} = await this.parse(Serve)
    if (passphraseInEnvironBlock()) this.logToStderr(`Warning: ${PASSPHRASE_IN_ENVIRON_WARNING}`)
    // On a terminal, held requests are asked about here too; answers given here are this user's.
    let prompt: ApprovalPrompt | null = null
    const asker = userName()
    const {broker, policyFile, clients, startedAt, stop} = await serveBroker({
      home: outloopHome(),
      env: process.env,
      backend: flags.vault,
      askPassphrase: terminalPassphrasePrompt(),
      host: flags.host,
      port: flags.port,
      socketPath: flags.socket,
      upstreamTimeoutMs: flags.timeout * 1000,
      maxRequestBytes: flags['max-request-mb'] * 1024 * 1024,
      announce: true,
      warn: (message) => this.logToStderr(`Warning: ${message}`),
      note: (message) => this.logToStderr(message),
      onApprovalRequest: (pending) => prompt?.add(pending),
      onApprovalSettled: (id) => prompt?.settled(id),
    })
    if (canPromptOnTerminal()) prompt = new ApprovalPrompt({input: process.stdin, write: (text) => process.stderr.write(text), answer: (id, answer, scope) => broker.answerApproval(id, answer, scope, asker)})
    this.logToStderr(`Broker listening on ${broker.url}${flags.socket ? ` and ${flags.socket}` : ''} (policy ${policyFile}). Ctrl-C stops it.`)
    if (flags.json) this.log(JSON.stringify({schema: 'outloop.serve/v1', url: broker.url, host: broker.host, port: broker.port, socket: flags.socket ?? null, pid: process.pid, policy: policyFile, clients, startedAt}, null, 2))
    else this.log(broker.url)
    await untilStopSignal()
    prompt?.close()
    await stop()
    this.logToStderr('Broker stopped.')
  }
}
