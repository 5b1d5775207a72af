import * as Args from '@oclif/core/args'
import * as Flags from '@oclif/core/flags'

import {OutloopCommand} from '../../cli/command.js'
import {outloopHome} from '../../lib/paths.js'
import {setVaultSecret} from '../../services/vault/entries.js'
import {vaultBackendFlags} from '../../cli/vault-flags.js'
import {formatSecretRef, parseSecretRef} from '../../vault/ref.js'
import {entryInfoToJson, VAULT_SET_SCHEMA} from '../../ui/vault-text.js'
import {refuseValueOnCommandLine} from '../../cli/vault-flags.js'
import {readHiddenLine, readSecretFromStdin, terminalPassphrasePrompt} from '../../ui/tty.js'

export default class VaultSet extends OutloopCommand {
  static override summary = 'Add a key to the vault. The value comes from stdin or a hidden prompt, never from the command line.'

  static override description = `A value on the command line would be readable by every user of the machine (ps) and stay in your shell history, so set has no flag for it: pipe it on stdin, or type it at the hidden prompt. One trailing newline is dropped. An existing entry is never replaced: use outloop vault rotate (or --replace, which keeps the old value as a version).

Exit codes: 0 stored; 2 bad usage, or something to fix first (a value on the command line, an entry already there without --replace; the message says what); 70 an internal error.`

  static override examples = [
    'printf %s "$OPENAI_API_KEY" | <%= config.bin %> vault set outloop://acme/openai-api-key --provider OpenAI',
    '<%= config.bin %> vault set acme/stripe-secret-key --source acme/.env',
  ]

  static override args = {
    ref: Args.string({description: 'The entry: outloop://<tenant>/<name> or <tenant>/<name>.', required: true}),
  }

  // Not strict, so that a value typed after REF is refused here without being echoed back (oclif quotes it).
  static override strict = false

  static override flags = {
    ...vaultBackendFlags,
    provider: Flags.string({description: 'Who issued the key (OpenAI, Stripe, …), kept as metadata.'}),
    source: Flags.string({description: 'A file the key was found in (repeatable), kept as metadata.', multiple: true}),
    replace: Flags.boolean({description: 'Write a new version of an existing entry (the old value is kept as a version).'}),
    json: Flags.boolean({description: `Print the entry stored (its metadata, never the value) as one JSON document (schema ${VAULT_SET_SCHEMA}).`}),
  }

  async run(): Promise<void> {
    const {args, argv, flags} = await this.parse(VaultSet)
    refuseValueOnCommandLine(argv)
    const ref = parseSecretRef(args.ref)
    const value = process.stdin.isTTY ? await readHiddenLine(`Value for ${formatSecretRef(ref)} (hidden): `) : await readSecretFromStdin()
    const sources = flags.source ? {files: flags.source, count: flags.source.length} : undefined
    const {info, location} = await setVaultSecret({home: outloopHome(), env: process.env, backend: flags.vault, askPassphrase: terminalPassphrasePrompt(), ref, value, provider: flags.provider, sources, replace: flags.replace})
    if (flags.json) {
      this.log(JSON.stringify({schema: VAULT_SET_SCHEMA, location, entry: entryInfoToJson(info)}, null, 2))
      return
    }
    this.logToStderr(`Stored ${formatSecretRef(ref)} (version ${info.version}, fingerprint ${info.fingerprint.slice(0, 12)}) in ${location}.`)
  }
}
