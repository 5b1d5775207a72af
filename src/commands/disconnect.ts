import * as Args from '@oclif/core/args'

import {OutloopCommand} from '../lib/command.js'
import {outloopHome} from '../lib/paths.js'
import {disconnectClientFolder} from '../services/connect.js'

export default class Disconnect extends OutloopCommand {
  static override summary = 'Unbind a client folder; its running sessions are refused from the next request on.'

  static override args = {dir: Args.string({description: 'The client folder.', required: true})}

  async run(): Promise<void> {
    const {args} = await this.parse(Disconnect)
    const removed = await disconnectClientFolder({home: outloopHome(), dir: args.dir})
    this.log(`Disconnected ${removed.dir} (was ${removed.tenant}).`)
  }
}
