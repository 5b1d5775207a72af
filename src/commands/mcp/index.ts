import * as Flags from '@oclif/core/flags'

import {OutloopCommand} from '../../cli/command.js'
import {UserError} from '../../lib/errors.js'
import {outloopHome} from '../../lib/paths.js'
import {PASSPHRASE_IN_ENVIRON_WARNING, passphraseInEnvironBlock} from '../../lib/process.js'
import {openMcpSession} from '../../services/mcp.js'
import {vaultBackendFlags} from '../../cli/vault-flags.js'

export default class Mcp extends OutloopCommand {
  static override summary = "Serve a client's granted APIs to an agent host as MCP tools (stdio), through the broker."

  static override description = `For agent hosts that can't be pointed at the broker (Claude Desktop, Cursor, …): an MCP server on stdin/stdout for the client the folder is connected to. The client is fixed when it starts, from the folder's binding; no tool call can change it.

Tools: list_services (the client's granted services, methods and paths; never a key) and call_api (service, method, path, query, headers, body), which goes to the running outloop serve with a session for this client, so every call gets the broker's own decision and audit; the broker attaches the key. The answer holds the status, a few headers and the body (cut at 256 KB, binary as base64), with any vault value an upstream echoes back masked. A refusal is a tool error with the reason. Without a running broker, call_api says to start outloop serve.

Usually started by the agent host: outloop mcp install --workspace DIR --for claude-code|cursor|codex|claude-desktop writes its entry.

Exit codes: 0 the host closed the server; 2 bad usage (--json among it: stdout is the protocol's), or something to fix first (a folder not connected; the message says what); 70 an internal error.`

  static override examples = ['<%= config.bin %> mcp --workspace ~/clients/acme', '<%= config.bin %> mcp install --workspace ~/clients/acme --for claude-code']

  static override flags = {
    ...vaultBackendFlags,
    workspace: Flags.string({description: 'The client folder (default: the current folder).'}),
    // Refused rather than unknown, so the error can say why (scripts pass --json to every command).
    json: Flags.boolean({description: 'Refused: stdout carries the MCP protocol, so no JSON document can go there (exit 2).', hidden: true}),
  }

  async run(): Promise<void> {
    const {flags} = await this.parse(Mcp)
    if (flags.json) throw new UserError('outloop mcp has no --json: its stdout carries the MCP protocol (JSON-RPC messages to the agent host), so nothing else may be printed there.', 'Start it without --json (the agent host does); outloop mcp install --json reports the entry it writes, and outloop status --json the broker.')
    // stdout carries the protocol: everything said goes to stderr.
    const warn = (message: string): void => this.logToStderr(`Warning: ${message}`)
    if (passphraseInEnvironBlock()) warn(PASSPHRASE_IN_ENVIRON_WARNING)
    const session = openMcpSession({home: outloopHome(), env: process.env, workspace: flags.workspace ?? process.cwd(), backend: flags.vault, warn})
    try {
      const {serveMcpOverStdio} = await import('../../mcp/stdio-server.js')
      this.logToStderr(`outloop mcp: serving ${session.tenant} (${session.workspace}) on stdio.`)
      await serveMcpOverStdio(session, {version: this.config.version, warn})
    } finally {
      await session.close()
    }
  }
}
