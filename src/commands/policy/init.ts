import * as Flags from '@oclif/core/flags'

import {OutloopCommand} from '../../cli/command.js'
import {UserError} from '../../lib/errors.js'
import {outloopHome} from '../../lib/paths.js'
import {initPolicyFromVault} from '../../services/access-setup.js'
import {renderPolicySetupLines} from '../../ui/access-text.js'
import {terminalPassphrasePrompt} from '../../ui/tty.js'

export default class PolicyInit extends OutloopCommand {
  static override summary = 'Write the starter policy from what the vault holds, when there is no policy yet.'

  static override description = `Grants each client only its own vault entries, each for its provider's built-in service; keys with no built-in service are listed as comments and refused until granted. An existing policy is never replaced: it is checked, and the vaulted keys it does not grant are named.

Exit codes: 0 the policy is written (or the existing one checked); 2 bad usage, or something to fix first (a vault that cannot be opened; the message says what); 70 an internal error.`

  static override examples = ['<%= config.bin %> policy init']

  static override flags = {
    vault: Flags.string({description: 'The vault backend (file, keychain, hashicorp); default: the one outloop init chose.'}),
    json: Flags.boolean({description: 'One JSON document (schema outloop.policy-init/v1).'}),
  }

  async run(): Promise<void> {
    const {flags} = await this.parse(PolicyInit)
    const policy = await initPolicyFromVault({home: outloopHome(), env: process.env, backend: flags.vault, askPassphrase: terminalPassphrasePrompt()})
    if (flags.json) this.log(JSON.stringify({schema: 'outloop.policy-init/v1', ...policy}, null, 2))
    else this.log(renderPolicySetupLines(policy).join('\n'))
    if (policy.problem !== undefined) throw new UserError(`The policy at ${policy.file} can't be used.`, 'Fix it at the position named above, then run outloop status.')
  }
}
