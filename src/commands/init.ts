import * as Flags from '@oclif/core/flags'

import {OutloopCommand} from '../cli/command.js'
import {outloopHome} from '../lib/paths.js'
import {initVault} from '../services/vault/init.js'
import {vaultBackendFlags} from '../cli/vault-flags.js'
import {terminalPassphrasePrompt} from '../ui/tty.js'

export default class Init extends OutloopCommand {
  static override summary = 'Set up the vault outloop keeps keys in, and remember the choice.'

  static override description = `Backends: file (the default: an encrypted vault in OUTLOOP_HOME/vault, AES-256-GCM, its master key in the OS keychain when there is one, else derived from a passphrase), keychain (each key an item in the OS keychain), hashicorp (HashiCorp Vault or OpenBao, KV version 2, from VAULT_ADDR, VAULT_TOKEN and VAULT_NAMESPACE).

init checks that the backend works here before it remembers it in OUTLOOP_HOME/vault.json. Any command can still pick another with --vault or OUTLOOP_VAULT. Running init again is safe: an existing vault is opened, never replaced.

Exit codes: 0 the vault is ready; 2 bad usage, or something to fix first (a backend that cannot be reached, a passphrase too short; the message says what); 70 an internal error; 130 cancelled at the prompt.`

  static override examples = [
    '<%= config.bin %> init',
    'OUTLOOP_PASSPHRASE=… <%= config.bin %> init --master-key passphrase',
    '<%= config.bin %> init --vault keychain',
    'VAULT_ADDR=https://vault.example.com:8200 VAULT_TOKEN=… <%= config.bin %> init --vault hashicorp --vault-mount secret --vault-prefix outloop',
  ]

  static override flags = {
    ...vaultBackendFlags,
    'master-key': Flags.string({description: 'File vault: where a new vault keeps its master key (auto: the OS keychain when there is one, a passphrase when OUTLOOP_PASSPHRASE is set or there is no keychain).', options: ['auto', 'keychain', 'passphrase']}),
    'vault-mount': Flags.string({description: 'HashiCorp: the KV version 2 mount (default secret).'}),
    'vault-prefix': Flags.string({description: 'HashiCorp: the path under the mount outloop owns (default outloop).'}),
    'vault-addr': Flags.string({description: 'HashiCorp: the server address to remember (VAULT_ADDR wins when set).'}),
    'vault-namespace': Flags.string({description: 'HashiCorp: the namespace to remember (VAULT_NAMESPACE wins when set).'}),
    'tenant-layout': Flags.string({description: 'HashiCorp: one path per tenant under the prefix, or one child namespace per tenant.', options: ['path', 'namespace']}),
    json: Flags.boolean({description: 'Print the vault set up as one JSON document (schema outloop.init/v1).'}),
  }

  async run(): Promise<void> {
    const {flags} = await this.parse(Init)
    const result = await initVault({
      home: outloopHome(),
      env: process.env,
      backend: flags.vault,
      askPassphrase: terminalPassphrasePrompt(),
      masterKey: flags['master-key'] as 'auto' | 'keychain' | 'passphrase' | undefined,
      mount: flags['vault-mount'],
      prefix: flags['vault-prefix'],
      address: flags['vault-addr'],
      namespace: flags['vault-namespace'],
      tenantLayout: flags['tenant-layout'] as 'path' | 'namespace' | undefined,
    })
    if (flags.json) {
      const file = result.backend === 'file' ? {created: result.created, masterKey: result.masterKey, masterKeyUnchanged: result.masterKeyUnchanged ?? false} : {}
      this.log(JSON.stringify({schema: 'outloop.init/v1', backend: result.backend, location: result.location, ...file, config: result.configPath}, null, 2))
      return
    }
    const lines: string[] = []
    if (result.backend === 'file') {
      const lock = result.masterKey === 'keychain' ? 'its master key is in the OS keychain' : 'its master key comes from your passphrase (OUTLOOP_PASSPHRASE or a prompt); keep it safe, outloop cannot recover it'
      lines.push(`${result.created ? 'Created' : 'Opened'} ${result.location}: ${lock}.`)
      if (result.masterKeyUnchanged) lines.push(`The existing vault stays locked the way it was created (${result.masterKey}); --master-key applies to new vaults only.`)
    } else {
      lines.push(`Checked ${result.location}: it works.`)
    }
    lines.push(`outloop will use the ${result.backend} vault (remembered in ${result.configPath}; override with --vault or OUTLOOP_VAULT).`)
    this.log(lines.join('\n'))
  }
}
