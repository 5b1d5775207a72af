import * as Flags from '@oclif/core/flags'

import {OutloopCommand} from '../lib/command.js'
import {PASSPHRASE_IN_ENVIRON_WARNING, passphraseInEnvironBlock} from '../lib/process.js'
import {outloopHome} from '../lib/paths.js'
import {untilStopSignal} from '../lib/process.js'
import {serveBroker} from '../services/serve.js'
import {vaultBackendFlags} from '../vault/command-flags.js'
import {canPromptOnTerminal} from '../vault/tty.js'

export default class Serve extends OutloopCommand {
  static override summary = 'Run the local broker: agents call providers through it and never hold a key.'

  static override description = `Listens on 127.0.0.1. An agent sends requests to /<service>/<path> with its session token (the /_t/<token>/ path prefix that outloop run puts in its base URLs, or the x-outloop-session header) and its placeholder as the key; the broker checks the session, the client and the policy (OUTLOOP_HOME/policy.yaml) before any upstream connection, attaches the real key, and audits every request. An edit of the policy is picked up within a second; an invalid one is reported and the last good policy stays in use.`

  static override examples = ['<%= config.bin %> serve', '<%= config.bin %> serve --port 7745']

  static override flags = {
    ...vaultBackendFlags,
    port: Flags.integer({description: 'Port on 127.0.0.1 (0 picks a free one).', default: 7745, min: 0, max: 65535}),
    host: Flags.string({description: 'Loopback address to listen on.', default: '127.0.0.1', options: ['127.0.0.1', '::1', 'localhost']}),
    socket: Flags.string({description: 'Also listen on this Unix socket (created 0600).'}),
    timeout: Flags.integer({description: 'Seconds to wait for an upstream (and the longest silence in a stream).', default: 120, min: 1}),
    'max-request-mb': Flags.integer({description: 'Largest request body forwarded, in MB.', default: 10, min: 1}),
  }

  async run(): Promise<void> {
    const {flags} = await this.parse(Serve)
    if (passphraseInEnvironBlock()) this.logToStderr(`Warning: ${PASSPHRASE_IN_ENVIRON_WARNING}`)
    const {broker, policyFile, stop} = await serveBroker({
      home: outloopHome(),
      env: process.env,
      backend: flags.vault,
      interactive: canPromptOnTerminal(),
      host: flags.host,
      port: flags.port,
      socketPath: flags.socket,
      upstreamTimeoutMs: flags.timeout * 1000,
      maxRequestBytes: flags['max-request-mb'] * 1024 * 1024,
      announce: true,
      warn: (message) => this.logToStderr(`Warning: ${message}`),
      note: (message) => this.logToStderr(message),
    })
    this.logToStderr(`Broker listening on ${broker.url}${flags.socket ? ` and ${flags.socket}` : ''} (policy ${policyFile}). Ctrl-C stops it.`)
    this.log(broker.url)
    await untilStopSignal()
    await stop()
    this.logToStderr('Broker stopped.')
  }
}
