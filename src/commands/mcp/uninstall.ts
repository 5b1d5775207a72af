import * as Flags from '@oclif/core/flags'

import {OutloopCommand} from '../../lib/command.js'
import {outloopHome} from '../../lib/paths.js'
import {MCP_HOSTS} from '../../mcp/install-edit.js'
import {uninstallMcpServer} from '../../services/mcp-install.js'
import {renderMcpUninstallLines} from '../../ui/mcp-install-text.js'

export default class McpUninstall extends OutloopCommand {
  static override summary = 'Take out what outloop mcp install wrote, byte for byte.'

  static override description = `Undoes the install recorded for DIR and the host: the file is given back byte for byte as it was, or removed (with the folders made for it, when empty) if the install created it. A file edited since the install loses only outloop's entry, with a minimal edit, and the rest stays as you left it; an entry changed by hand since is left alone unless --force.

Exit codes: 0 done (also when the entry was already gone); 2 when nothing was recorded for DIR and the host, the entry was changed since (without --force), or on bad input.`

  static override examples = ['<%= config.bin %> mcp uninstall --workspace ~/clients/acme --for claude-code', '<%= config.bin %> mcp uninstall --workspace ~/clients/acme --for codex --json']

  static override flags = {
    workspace: Flags.string({description: 'The client folder (default: the current folder).'}),
    for: Flags.string({description: 'The agent host whose configuration to edit.', options: [...MCP_HOSTS], required: true}),
    config: Flags.string({description: 'The file given to install with --config.'}),
    name: Flags.string({description: 'The entry, when several were installed for DIR in one file.'}),
    force: Flags.boolean({description: 'Take the entry out even if it was changed by hand since the install.', default: false}),
    json: Flags.boolean({description: 'One JSON document (schema outloop.mcp-uninstall/v1).'}),
  }

  async run(): Promise<void> {
    const {flags} = await this.parse(McpUninstall)
    const outcome = await uninstallMcpServer({
      home: outloopHome(),
      env: process.env,
      workspace: flags.workspace ?? process.cwd(),
      host: flags.for as (typeof MCP_HOSTS)[number],
      config: flags.config,
      name: flags.name,
      force: flags.force,
    })
    if (flags.json) this.log(JSON.stringify({schema: 'outloop.mcp-uninstall/v1', ...outcome}, null, 2))
    else this.log(renderMcpUninstallLines(outcome).join('\n'))
  }
}
