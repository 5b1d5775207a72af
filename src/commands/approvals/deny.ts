import * as Args from '@oclif/core/args'
import * as Flags from '@oclif/core/flags'

import {OutloopCommand} from '../../lib/command.js'
import {outloopHome} from '../../lib/paths.js'
import {answerApproval} from '../../services/approvals.js'
import {describeApproval} from '../../ui/approvals-text.js'

export default class ApprovalsDeny extends OutloopCommand {
  static override summary = 'Refuse a held request: the agent gets 403 approval-denied and the service never hears of it.'

  static override description = `Recorded in the client's audit log with your user name and the time.

Exit codes: 0 denied, 2 no such request waits (answered, timed out, or its agent stopped).`

  static override examples = ['<%= config.bin %> approvals deny k7m2qx9d']

  static override args = {
    id: Args.string({description: 'The request, as outloop approvals lists it.', required: true}),
  }

  static override flags = {
    json: Flags.boolean({description: 'One JSON document (schema outloop.approval-answer/v1).'}),
  }

  async run(): Promise<void> {
    const {args, flags} = await this.parse(ApprovalsDeny)
    const result = await answerApproval(outloopHome(), args.id, 'deny', 'request')
    if (flags.json) {
      this.log(JSON.stringify({schema: 'outloop.approval-answer/v1', answer: 'deny', scope: 'request', taken: result.taken, request: result.pending}, null, 2))
      return
    }
    this.log(`Denied: ${describeApproval(result.pending)}`)
    if (!result.taken) this.logToStderr('Warning: the broker has not taken the answer yet; it will when it next reads the approvals folder, unless the request times out first.')
  }
}
