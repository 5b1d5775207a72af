import * as Flags from '@oclif/core/flags'
import {fileURLToPath} from 'node:url'

import {OutloopCommand} from '../../lib/command.js'
import {DEFAULT_BASELINE_FILE} from '../../services/baseline.js'
import {installPreCommitHook} from '../../services/hook.js'

export default class HookInstall extends OutloopCommand {
  static override summary = 'Install a git pre-commit hook that refuses commits adding new plaintext keys.'

  static override description = `The hook runs "outloop check --staged" against the baseline, so it checks exactly what is being committed. It uses outloop from PATH when there is one, else this installation. An existing pre-commit hook is never replaced without --force.`

  static override examples = ['<%= config.bin %> hook install', '<%= config.bin %> hook install --baseline config/outloop-baseline.json --force']

  static override flags = {
    baseline: Flags.string({char: 'b', description: 'Baseline file, relative to the repository top.', default: DEFAULT_BASELINE_FILE}),
    force: Flags.boolean({description: 'Replace an existing pre-commit hook.'}),
    json: Flags.boolean({description: 'Print the hook installed as one JSON document (schema outloop.hook-install/v1).'}),
  }

  async run(): Promise<void> {
    const {flags} = await this.parse(HookInstall)
    const bin = fileURLToPath(new URL('../../../bin/run.js', import.meta.url))
    const {path, replaced} = installPreCommitHook({cwd: process.cwd(), baseline: flags.baseline, force: flags.force, fallbackCommand: [process.execPath, bin]})
    if (flags.json) {
      this.log(JSON.stringify({schema: 'outloop.hook-install/v1', hook: path, replaced, baseline: flags.baseline}, null, 2))
      return
    }
    this.logToStderr(`${replaced ? 'Replaced' : 'Installed'} the pre-commit hook at ${path}: commits that add a plaintext key not in ${flags.baseline} will be refused.`)
  }
}
