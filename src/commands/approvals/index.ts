import * as Flags from '@oclif/core/flags'

import {OutloopCommand} from '../../lib/command.js'
import {outloopHome} from '../../lib/paths.js'
import {listPendingApprovals} from '../../services/approvals.js'
import {describeApproval} from '../../ui/approvals-text.js'

export default class Approvals extends OutloopCommand {
  static override summary = 'Requests of agents that wait for your approval (grants with approve: writes|always).'

  static override description = `A grant in the policy may say approve: writes (requests other than GET, HEAD and OPTIONS) or approve: always. The broker then holds such a request before any upstream connection until someone answers with outloop approvals approve ID or deny ID (or at the prompt of outloop serve on its terminal); no answer within the grant's approveWithin (2 minutes unless it says otherwise) means denied. Answers go through OUTLOOP_HOME, which agents started by outloop run cannot see, so no agent can approve its own request. Every answer is in the client's audit log with who gave it.

Exit codes: 0 listed (also when nothing waits), 2 usage error.`

  static override examples = ['<%= config.bin %> approvals', '<%= config.bin %> approvals approve k7m2qx9d', '<%= config.bin %> approvals approve k7m2qx9d --for-session', '<%= config.bin %> approvals deny k7m2qx9d']

  static override flags = {
    json: Flags.boolean({description: 'One JSON document (schema outloop.approvals/v1).'}),
  }

  async run(): Promise<void> {
    const {flags} = await this.parse(Approvals)
    const pending = listPendingApprovals(outloopHome())
    if (flags.json) {
      this.log(JSON.stringify({schema: 'outloop.approvals/v1', pending}, null, 2))
      return
    }
    if (pending.length === 0) {
      this.log('No request waits for approval.')
      return
    }
    this.log(`${pending.length} request${pending.length === 1 ? '' : 's'} ${pending.length === 1 ? 'waits' : 'wait'} for approval:`)
    for (const entry of pending) this.log(`  ${describeApproval(entry)}`)
    this.log('Answer with outloop approvals approve ID (--for-session: the rest of that session too) or outloop approvals deny ID.')
  }
}
