import * as Flags from '@oclif/core/flags'

import {OutloopCommand} from '../../lib/command.js'
import {outloopHome} from '../../lib/paths.js'
import {PASSPHRASE_IN_ENVIRON_WARNING, passphraseInEnvironBlock} from '../../lib/process.js'
import {openMcpSession} from '../../services/mcp.js'
import {vaultBackendFlags} from '../../vault/command-flags.js'

export default class Mcp extends OutloopCommand {
  static override summary = "Serve a client's granted APIs to an agent host as MCP tools (stdio), through the broker."

  static override description = `For agent hosts that can't be pointed at the broker (Claude Desktop, Cursor, …): an MCP server on stdin/stdout for the client the folder is connected to. The client is fixed when it starts, from the folder's binding; no tool call can change it.

Tools: list_services (the client's granted services, methods and paths; never a key) and call_api (service, method, path, query, headers, body), which goes to the running outloop serve with a session for this client, so every call gets the broker's own decision and audit; the broker attaches the key. The answer holds the status, a few headers and the body (cut at 256 KB, binary as base64), with any vault value an upstream echoes back masked. A refusal is a tool error with the reason. Without a running broker, call_api says to start outloop serve.

Usually started by the agent host: outloop mcp install --workspace DIR --for claude-code|cursor|codex|claude-desktop writes its entry.`

  static override examples = ['<%= config.bin %> mcp --workspace ~/clients/acme', '<%= config.bin %> mcp install --workspace ~/clients/acme --for claude-code']

  static override flags = {
    ...vaultBackendFlags,
    workspace: Flags.string({description: 'The client folder (default: the current folder).'}),
  }

  async run(): Promise<void> {
    const {flags} = await this.parse(Mcp)
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
