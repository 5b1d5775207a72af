import * as Args from '@oclif/core/args'
import * as Flags from '@oclif/core/flags'

import {OutloopCommand} from '../../lib/command.js'
import {outloopHome} from '../../lib/paths.js'
import {answerApproval} from '../../services/approvals.js'
import {describeApproval} from '../../ui/approvals-text.js'

export default class ApprovalsApprove extends OutloopCommand {
  static override summary = 'Let a held request go on to its service.'

  static override description = `The broker sends the request with the client's key and records your approval (your user name and the time) in the client's audit log. With --for-session, the rest of that agent session's requests under the same grant go through without asking (each still audited with this approval).

Exit codes: 0 approved, 2 no such request waits (answered, timed out, or its agent stopped).`

  static override examples = ['<%= config.bin %> approvals approve k7m2qx9d', '<%= config.bin %> approvals approve k7m2qx9d --for-session']

  static override args = {
    id: Args.string({description: 'The request, as outloop approvals lists it.', required: true}),
  }

  static override flags = {
    'for-session': Flags.boolean({description: "Don't ask again for this grant in the rest of that session."}),
    json: Flags.boolean({description: 'One JSON document (schema outloop.approval-answer/v1).'}),
  }

  async run(): Promise<void> {
    const {args, flags} = await this.parse(ApprovalsApprove)
    const result = await answerApproval(outloopHome(), args.id, 'approve', flags['for-session'] ? 'session' : 'request')
    if (flags.json) {
      this.log(JSON.stringify({schema: 'outloop.approval-answer/v1', answer: 'approve', scope: flags['for-session'] ? 'session' : 'request', taken: result.taken, request: result.pending}, null, 2))
      return
    }
    this.log(`Approved${flags['for-session'] ? ' for the rest of its session' : ''}: ${describeApproval(result.pending)}`)
    if (!result.taken) this.logToStderr('Warning: the broker has not taken the answer yet; it will when it next reads the approvals folder, unless the request times out first.')
  }
}
