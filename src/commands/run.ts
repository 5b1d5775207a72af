import * as Flags from '@oclif/core/flags'

import {OutloopCommand} from '../cli/command.js'
import {PASSPHRASE_IN_ENVIRON_WARNING, passphraseInEnvironBlock} from '../lib/process.js'
import {UserError} from '../lib/errors.js'
import {outloopHome} from '../lib/paths.js'
import {parseAuditDuration} from '../services/audit.js'
import {runAgentSession} from '../services/run.js'
import {vaultBackendFlags} from '../cli/vault-flags.js'
import {terminalPassphrasePrompt} from '../ui/tty.js'

export default class Run extends OutloopCommand {
  static override summary = "Launch an agent for a client folder's client, through the broker."

  static override description = `Mints a short-lived session token for the client the folder is connected to, points the known providers' base URLs (OPENAI_BASE_URL, ANTHROPIC_BASE_URL, …) at the broker, makes the broker CMD's HTTPS_PROXY (with the CA variables curl, Python, git and Node read, and a preload for Node's own fetch and https), and runs CMD in the folder. Hosts the policy names for a granted service are decided by the broker; others are tunnelled (or refused with egress: deny). Placeholders in the environment stay placeholders: the broker swaps them for real keys. Uses a running outloop serve, or starts a broker for the session. The token is revoked when CMD exits, and refused once this command is gone.

CMD is confined (Linux: bubblewrap; macOS: sandbox-exec): it sees no outloop process, OUTLOOP_HOME, other clients' folders, keyrings or credential stores (~/.ssh, ~/.aws, …); the system is read-only and only the client's folder and a private /tmp are writable. More hidden or writable paths: OUTLOOP_HOME/config.yaml, sandbox: {hide, writable, scratch}. Where no sandbox works, it refuses unless --no-sandbox.

Exit codes: CMD's own exit code once it ran; before that, 2 bad usage, or something to fix first (a folder not connected, no sandbox here without --no-sandbox; the message says what); 70 an internal error.`

  static override examples = ['<%= config.bin %> run -- claude', '<%= config.bin %> run --workspace ~/clients/acme -- python agent.py', '<%= config.bin %> run --no-sandbox -- ./agent.sh   # unconfined: says what the agent can then reach', '<%= config.bin %> run --json -- ./nightly-job.sh 2>job.log   # its output in job.log, the session as JSON on stdout']

  static override usage = 'run [--workspace DIR] [--ttl DURATION] [--mode proxy|inject] [--no-sandbox] [--vault BACKEND] [--json] -- CMD [ARGS...]'

  static override strict = false

  static override flags = {
    ...vaultBackendFlags,
    workspace: Flags.string({description: 'The client folder (default: the current folder).'}),
    ttl: Flags.string({description: 'How long the session token lives (e.g. 8h, 30m).', default: '12h'}),
    sandbox: Flags.boolean({description: "Confine CMD (the default): its own process namespace, the system read-only, OUTLOOP_HOME, other clients' folders, keyrings and credential stores hidden. --no-sandbox runs it unconfined, as you, and says what it can then reach.", default: true, allowNo: true}),
    json: Flags.boolean({description: "Send CMD's stdout to stderr and, once CMD exits, print one JSON document on stdout (schema outloop.run/v1: exitCode, session id, client, mode, duration; never the token). outloop run still exits with CMD's exit code."}),
    mode: Flags.string({description: "proxy: base URLs and HTTPS_PROXY point at the broker, and placeholders stay placeholders. inject: for tools that can't change base URL, this client's placeholders are resolved into CMD's environment and their values masked in its output.", options: ['proxy', 'inject'], default: 'proxy'}),
  }

  async run(): Promise<void> {
    const {flags, argv} = await this.parse(Run)
    const command = (argv as string[]).filter((arg, i) => !(i === 0 && arg === '--'))
    if (command.length === 0) throw new UserError('No command to run.', 'outloop run -- CMD [ARGS…] (everything after -- is the command)')
    if (passphraseInEnvironBlock()) this.logToStderr(`Warning: ${PASSPHRASE_IN_ENVIRON_WARNING}`)
    const result = await runAgentSession({
      home: outloopHome(),
      env: process.env,
      workspace: flags.workspace ?? process.cwd(),
      command,
      ttlMs: parseAuditDuration(flags.ttl),
      mode: flags.mode as 'proxy' | 'inject',
      backend: flags.vault,
      askPassphrase: terminalPassphrasePrompt(),
      confine: flags.sandbox,
      warn: (message) => this.logToStderr(`Warning: ${message}`),
      childStdout: flags.json ? 'stderr' : 'stdout',
    })
    if (flags.json) {
      const {exitCode, sessionId, tenant, workspace, mode, sandbox, brokerUrl, brokerStarted, startedAt, durationMs} = result
      this.log(JSON.stringify({schema: 'outloop.run/v1', exitCode, session: sessionId, client: tenant, workspace, mode, sandbox, broker: {url: brokerUrl, started: brokerStarted}, startedAt, durationMs}, null, 2))
    }
    if (result.exitCode !== 0) this.exit(result.exitCode)
  }
}
