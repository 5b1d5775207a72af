import * as Flags from '@oclif/core/flags'

import {OutloopCommand} from '../../lib/command.js'
import {outloopHome} from '../../lib/paths.js'
import {MCP_HOSTS} from '../../mcp/install-edit.js'
import {installMcpServer} from '../../services/mcp-install.js'
import {renderMcpInstallLines} from '../../ui/mcp-install-text.js'

export default class McpInstall extends OutloopCommand {
  static override summary = "Add outloop mcp for a client folder to an agent host's MCP configuration."

  static override description = `Writes an MCP server entry that starts outloop mcp --workspace DIR (this installation's bin/outloop, absolute paths) where the host reads it:
  claude-code     DIR/.mcp.json, as mcpServers.outloop
  cursor          DIR/.cursor/mcp.json, as mcpServers.outloop
  codex           $CODEX_HOME/config.toml (~/.codex), as [mcp_servers.outloop-<client>]
  claude-desktop  Claude/claude_desktop_config.json, as mcpServers.outloop-<client>
The last is under ~/Library/Application Support on macOS, $XDG_CONFIG_HOME or ~/.config on Linux, %APPDATA% on Windows. Codex's and Claude Desktop's files are shared by every client, so the entry there is named for the client.

The edit is minimal: comments, other servers, indentation and line ends stay; a missing file (and folder) is created. What was done is recorded in OUTLOOP_HOME/mcp-installs.json, so outloop mcp uninstall gives the file back byte for byte. An entry of the same name that outloop did not write is refused unless --force. DIR must be connected (outloop connect).

Exit codes: 0 installed or already there; 2 refused (not connected, a foreign entry, a file outloop can't parse) or on bad input.`

  static override examples = [
    '<%= config.bin %> mcp install --workspace ~/clients/acme --for claude-code',
    '<%= config.bin %> mcp install --workspace ~/clients/acme --for claude-desktop',
    '<%= config.bin %> mcp install --workspace ~/clients/acme --for codex --json',
  ]

  static override flags = {
    workspace: Flags.string({description: 'The client folder (default: the current folder).'}),
    for: Flags.string({description: 'The agent host whose configuration to edit.', options: [...MCP_HOSTS], required: true}),
    config: Flags.string({description: "Edit this file instead of the host's usual one."}),
    name: Flags.string({description: 'The entry\'s name (default: outloop; outloop-<client> for codex and claude-desktop).'}),
    force: Flags.boolean({description: 'Replace an entry of that name that outloop did not write (uninstall will not bring it back), or its own older one.', default: false}),
    json: Flags.boolean({description: 'One JSON document (schema outloop.mcp-install/v1).'}),
  }

  async run(): Promise<void> {
    const {flags} = await this.parse(McpInstall)
    const outcome = await installMcpServer({
      home: outloopHome(),
      env: process.env,
      workspace: flags.workspace ?? process.cwd(),
      host: flags.for as (typeof MCP_HOSTS)[number],
      config: flags.config,
      name: flags.name,
      force: flags.force,
    })
    if (flags.json) this.log(JSON.stringify({schema: 'outloop.mcp-install/v1', ...outcome}, null, 2))
    else this.log(renderMcpInstallLines(outcome).join('\n'))
  }
}
