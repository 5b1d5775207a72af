import * as Args from '@oclif/core/args'
import * as Flags from '@oclif/core/flags'

import {OutloopCommand} from '../lib/command.js'
import {outloopHome} from '../lib/paths.js'
import {connectClientFolder} from '../services/connect.js'

export default class Connect extends OutloopCommand {
  static override summary = 'Bind a client folder to its client (tenant), once.'

  static override description = 'Agents launched in the folder (outloop run) get sessions for that client only. Nothing is written into the folder: the binding lives in OUTLOOP_HOME.'

  static override examples = ['<%= config.bin %> connect ~/clients/acme --tenant acme']

  static override args = {dir: Args.string({description: 'The client folder.', required: true})}

  static override flags = {
    tenant: Flags.string({description: 'The client (tenant) name, as in outloop://<tenant>/<name>.', required: true}),
    force: Flags.boolean({description: "Rebind a folder already connected to another client (or inside one): that client's sessions there stop working.", default: false}),
    json: Flags.boolean({description: 'Print the binding as one JSON document (schema outloop.connect/v1).'}),
  }

  async run(): Promise<void> {
    const {args, flags} = await this.parse(Connect)
    const result = await connectClientFolder({home: outloopHome(), dir: args.dir, tenant: flags.tenant, force: flags.force})
    if (result.nameWarning !== null) this.logToStderr(`Warning: ${result.nameWarning}`)
    if (flags.json) {
      this.log(JSON.stringify({schema: 'outloop.connect/v1', dir: result.binding.dir, tenant: result.binding.tenant, changed: result.changed, previousTenant: result.changed ? result.previousTenant : null, warning: result.nameWarning}, null, 2))
      return
    }
    if (!result.changed) this.log(`${result.binding.dir} was already connected to ${result.binding.tenant}.`)
    else if (result.previousTenant) this.log(`Connected ${result.binding.dir} to ${result.binding.tenant} (was ${result.previousTenant}; its sessions stop working).`)
    else this.log(`Connected ${result.binding.dir} to ${result.binding.tenant}.`)
  }
}
