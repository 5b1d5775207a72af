import * as Args from '@oclif/core/args'
import * as Flags from '@oclif/core/flags'

import {OutloopCommand} from '../lib/command.js'
import {outloopHome} from '../lib/paths.js'
import {disconnectClientFolder} from '../services/connect.js'

export default class Disconnect extends OutloopCommand {
  static override summary = 'Unbind a client folder; its running sessions are refused from the next request on.'

  static override args = {dir: Args.string({description: 'The client folder.', required: true})}

  static override flags = {
    json: Flags.boolean({description: 'Print the binding removed as one JSON document (schema outloop.disconnect/v1).'}),
  }

  async run(): Promise<void> {
    const {args, flags} = await this.parse(Disconnect)
    const removed = await disconnectClientFolder({home: outloopHome(), dir: args.dir})
    if (flags.json) {
      this.log(JSON.stringify({schema: 'outloop.disconnect/v1', dir: removed.dir, tenant: removed.tenant}, null, 2))
      return
    }
    this.log(`Disconnected ${removed.dir} (was ${removed.tenant}).`)
  }
}
