import * as Args from '@oclif/core/args'
import * as Flags from '@oclif/core/flags'

import {OutloopCommand} from '../../cli/command.js'
import {outloopHome} from '../../lib/paths.js'
import {rotateVaultSecret, undoVaultRotation} from '../../services/vault/entries.js'
import {vaultBackendFlags} from '../../cli/vault-flags.js'
import {formatSecretRef, parseSecretRef} from '../../vault/ref.js'
import {entryInfoToJson, VAULT_ROTATE_SCHEMA} from '../../ui/vault-text.js'
import {refuseValueOnCommandLine} from '../../cli/vault-flags.js'
import {readHiddenLine, readSecretFromStdin, terminalPassphrasePrompt} from '../../ui/tty.js'

export default class VaultRotate extends OutloopCommand {
  static override summary = 'Give an entry a new value; placeholders keep working, the old value is kept as a version.'

  static override description = `Issue the new key at the provider first, then rotate to it: the value comes from stdin or a hidden prompt, never the command line. Every outloop://tenant/name placeholder keeps pointing at the entry, so nothing else changes. --undo makes the previous version current again (as a new version).

Exit codes: 0 rotated (or undone); 2 bad usage, or something to fix first (the message says what); 70 an internal error.`

  static override examples = ['printf %s "$NEW_KEY" | <%= config.bin %> vault rotate outloop://acme/openai-api-key', '<%= config.bin %> vault rotate acme/openai-api-key --undo']

  static override args = {
    ref: Args.string({description: 'The entry: outloop://<tenant>/<name> or <tenant>/<name>.', required: true}),
  }

  // Not strict, so that a value typed after REF is refused here without being echoed back (oclif quotes it).
  static override strict = false

  static override flags = {
    ...vaultBackendFlags,
    undo: Flags.boolean({description: 'Go back to the previous version instead of reading a new value.'}),
    json: Flags.boolean({description: `Print the entry after the rotation (its metadata, never a value) as one JSON document (schema ${VAULT_ROTATE_SCHEMA}).`}),
  }

  async run(): Promise<void> {
    const {args, argv, flags} = await this.parse(VaultRotate)
    refuseValueOnCommandLine(argv)
    const ref = parseSecretRef(args.ref)
    const base = {home: outloopHome(), env: process.env, backend: flags.vault, askPassphrase: terminalPassphrasePrompt(), ref}
    if (flags.undo) {
      const {info, restored} = await undoVaultRotation(base)
      if (flags.json) {
        this.log(JSON.stringify({schema: VAULT_ROTATE_SCHEMA, undo: true, from: restored, entry: entryInfoToJson(info)}, null, 2))
        return
      }
      this.logToStderr(`${formatSecretRef(ref)} is back to the value of version ${restored}, now version ${info.version}.`)
      return
    }
    const value = process.stdin.isTTY ? await readHiddenLine(`New value for ${formatSecretRef(ref)} (hidden): `) : await readSecretFromStdin()
    const {info, previous} = await rotateVaultSecret({...base, value})
    if (flags.json) {
      this.log(JSON.stringify({schema: VAULT_ROTATE_SCHEMA, undo: false, previous, entry: entryInfoToJson(info)}, null, 2))
      return
    }
    this.logToStderr(`Rotated ${formatSecretRef(ref)}: version ${info.version} (fingerprint ${info.fingerprint.slice(0, 12)}); version ${previous} is kept, undo with outloop vault rotate ${formatSecretRef(ref)} --undo.`)
  }
}
