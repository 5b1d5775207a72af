import {accessSync, chmodSync, constants, existsSync, lstatSync, mkdirSync, readFileSync, realpathSync, statSync, symlinkSync, writeFileSync} from 'node:fs'
import {dirname, join} from 'node:path'
import {Client} from '@modelcontextprotocol/sdk/client/index.js'
import {StdioClientTransport} from '@modelcontextprotocol/sdk/client/stdio.js'
import {parse as parseJsonc, type ParseError} from 'jsonc-parser'
import {parse as parseToml} from 'smol-toml'
import {afterAll, beforeAll, describe, expect, it} from 'vitest'

import {fakeKeyOf} from '../helpers/fakes.js'
import {expectNoSecrets, makeTempDir, REPO_ROOT, runCli, type CliResult} from '../helpers/tree.js'
import {snapshotTree} from '../vault/cli.js'

type Host = 'claude-code' | 'cursor' | 'codex' | 'claude-desktop'
const HOSTS: Host[] = ['claude-code', 'cursor', 'codex', 'claude-desktop']
const RUN_JS = join(REPO_ROOT, 'bin', 'run.js')

describe('outloop mcp install / uninstall', () => {
  let root: string
  let cleanup: () => void
  let home: string
  let userHome: string
  let acme: string
  let globex: string
  let planted: string[]
  const outputs: string[] = []

  // HOME, XDG_CONFIG_HOME and CODEX_HOME all point into the temp folder: no test may touch the real files.
  const env = (): NodeJS.ProcessEnv => ({HOME: userHome, XDG_CONFIG_HOME: join(userHome, '.config'), CODEX_HOME: '', APPDATA: ''})
  const cli = async (args: string[], extra: NodeJS.ProcessEnv = {}): Promise<CliResult> => {
    const result = await runCli(args, {home, env: {...env(), ...extra}})
    outputs.push(result.stdout, result.stderr)
    return result
  }

  const configOf = (host: Host, workspace = acme): string =>
    host === 'claude-code'
      ? join(workspace, '.mcp.json')
      : host === 'cursor'
        ? join(workspace, '.cursor', 'mcp.json')
        : host === 'codex'
          ? join(userHome, '.codex', 'config.toml')
          : join(userHome, '.config', 'Claude', 'claude_desktop_config.json')
  const entryName = (host: Host, tenant = 'acme'): string => (host === 'claude-code' || host === 'cursor' ? 'outloop' : `outloop-${tenant}`)

  /** The file as its host reads it: JSON with comments, or TOML. */
  const parseConfig = (host: Host, text: string): Record<string, any> => {
    if (host === 'codex') return parseToml(text) as Record<string, any>
    const errors: ParseError[] = []
    const value = parseJsonc(text, errors, {allowTrailingComma: true})
    expect(errors).toEqual([])
    return value
  }
  const serversOf = (host: Host, text: string): Record<string, any> => parseConfig(host, text)[host === 'codex' ? 'mcp_servers' : 'mcpServers'] ?? {}

  /** A file someone has lived with: comments, tabs, another server holding a key, no final newline. */
  const livedIn = (host: Host): string => {
    const key = planted[HOSTS.indexOf(host)]
    if (host === 'codex') {
      return `# Codex, set up by hand\nmodel = "o3" # default\n\n[mcp_servers.other]\n\tcommand = "npx"\n\targs = ["-y", "other-server"]\n\n[mcp_servers.other.env]\n\tOTHER_KEY = "${key}"\n\n[profiles.fast]\n\tmodel = "o4-mini"`
    }
    const extra = host === 'claude-desktop' ? '\t"globalShortcut": "Ctrl+Space",\n' : ''
    return `{\n${extra}\t// servers for this project\n\t"mcpServers": {\n\t\t"other": {\n\t\t\t"command": "npx",\n\t\t\t"args": ["-y", "other-server"], /* pinned */\n\t\t\t"env": {"OTHER_KEY": "${key}"}\n\t\t} // keep\n\t}\n}`
  }

  beforeAll(async () => {
    const tmp = makeTempDir('outloop-mcp-install-')
    cleanup = tmp.cleanup
    root = realpathSync(tmp.dir)
    home = join(root, 'outloop-home')
    userHome = join(root, 'user')
    acme = join(root, 'clients', 'acme')
    globex = join(root, 'clients', 'globex')
    for (const dir of [userHome, acme, globex]) mkdirSync(dir, {recursive: true})
    planted = [fakeKeyOf('OpenAI').key, fakeKeyOf('Anthropic').key, fakeKeyOf('OpenAI').key, fakeKeyOf('Anthropic').key]
    expect((await cli(['connect', acme, '--tenant', 'acme'])).code).toBe(0)
    expect((await cli(['connect', globex, '--tenant', 'globex'])).code).toBe(0)
  })

  afterAll(() => {
    // Nothing outloop printed, nor its install records, carries the key another server holds in its file.
    expectNoSecrets([...outputs, existsSync(join(home, 'mcp-installs.json')) ? readFileSync(join(home, 'mcp-installs.json'), 'utf8') : ''], planted)
    cleanup()
  })

  for (const host of HOSTS) {
    describe(host, () => {
      it('missing file: creates it (and its folder) with an entry that starts outloop mcp; uninstall leaves no trace', async () => {
        const file = configOf(host)
        expect(existsSync(file)).toBe(false)
        const before = {user: snapshotTree(userHome), acme: snapshotTree(acme)}
        const installed = await cli(['mcp', 'install', '--workspace', acme, '--for', host, '--json'])
        expect(installed.code, installed.stderr).toBe(0)
        const outcome = JSON.parse(installed.stdout)
        expect(outcome).toMatchObject({schema: 'outloop.mcp-install/v1', action: 'installed', host, file, name: entryName(host), tenant: 'acme', createdFile: true, replaced: 'none'})
        const entry = serversOf(host, readFileSync(file, 'utf8'))[entryName(host)]
        expect(entry).toEqual({command: process.execPath, args: [RUN_JS, 'mcp', '--workspace', acme]})
        // The command is this package's launcher, and it can be run.
        expect(() => accessSync(entry.command, constants.X_OK)).not.toThrow()
        expect(readFileSync(file, 'utf8').endsWith('\n')).toBe(true)

        const removed = await cli(['mcp', 'uninstall', '--workspace', acme, '--for', host, '--json'])
        expect(removed.code, removed.stderr).toBe(0)
        expect(JSON.parse(removed.stdout)).toMatchObject({schema: 'outloop.mcp-uninstall/v1', action: 'removed-file', file, name: entryName(host)})
        expect(existsSync(file)).toBe(false)
        // The folders it made are gone too (.cursor, .codex, .config/Claude): both trees are as they were.
        expect(existsSync(dirname(file))).toBe(host === 'claude-code')
        expect({user: snapshotTree(userHome), acme: snapshotTree(acme)}).toEqual(before)
      })

      it('a file with comments, tabs, another server and no final newline: a minimal edit, then the same bytes back', async () => {
        const file = configOf(host)
        const original = livedIn(host)
        mkdirSync(dirname(file), {recursive: true})
        writeFileSync(file, original)
        chmodSync(file, 0o640)
        const installed = await cli(['mcp', 'install', '--workspace', acme, '--for', host])
        expect(installed.code, installed.stderr).toBe(0)
        expect(installed.stdout).toContain(`Added to ${file}: MCP server ${entryName(host)}`)
        const text = readFileSync(file, 'utf8')
        const servers = serversOf(host, text)
        expect(servers[entryName(host)]).toEqual({command: process.execPath, args: [RUN_JS, 'mcp', '--workspace', acme]})
        expect(servers.other.command).toBe('npx')
        expect(servers.other.env.OTHER_KEY).toBe(planted[HOSTS.indexOf(host)])
        // Comments and the other server's lines are all still there, as they were.
        // (The last member before the new one gains a comma, so commas aside.)
        for (const line of original.split('\n')) expect(text.replaceAll(',', '')).toContain(line.replaceAll(',', ''))
        if (host === 'codex') expect(text.startsWith(original + '\n\n[mcp_servers.outloop-acme]\n')).toBe(true)
        // Laid out like the server beside it: tabs, one member a line, after the comment that ended the line.
        else expect(text).toContain(`\t\t}, // keep\n\t\t"${entryName(host)}": {\n\t\t\t"command": `)
        expect(statSync(file).mode & 0o777).toBe(0o640)

        const again = await cli(['mcp', 'install', '--workspace', acme, '--for', host])
        expect(again.code).toBe(0)
        expect(again.stdout).toContain('nothing changed')
        expect(readFileSync(file, 'utf8')).toBe(text)

        const removed = await cli(['mcp', 'uninstall', '--workspace', acme, '--for', host])
        expect(removed.code, removed.stderr).toBe(0)
        expect(removed.stdout).toContain('byte for byte')
        expect(readFileSync(file).equals(Buffer.from(original))).toBe(true)
        expect(statSync(file).mode & 0o777).toBe(0o640)
        // Nothing left to undo: said, not pretended.
        const twice = await cli(['mcp', 'uninstall', '--workspace', acme, '--for', host])
        expect(twice.code).toBe(2)
        expect(twice.stderr).toContain('has no')
      })

      it("refuses to replace an entry of that name it did not write; --force does, and uninstall then takes out only its own", async () => {
        const file = configOf(host)
        const name = entryName(host)
        const foreign =
          host === 'codex'
            ? `model = "o3"\n\n[mcp_servers.${name}]\ncommand = "/usr/local/bin/something-else"\n\n[profiles.fast]\nmodel = "o4-mini"\n`
            : `{\n  "mcpServers": {\n    "${name}": {"command": "/usr/local/bin/something-else"},\n    "other": {"command": "npx"}\n  }\n}\n`
        mkdirSync(dirname(file), {recursive: true})
        writeFileSync(file, foreign)
        const refused = await cli(['mcp', 'install', '--workspace', acme, '--for', host])
        expect(refused.code).toBe(2)
        expect(refused.stderr).toContain(`already has an MCP server named ${name} that outloop did not write`)
        expect(refused.stderr).toContain('--force')
        expect(readFileSync(file, 'utf8')).toBe(foreign)

        const forced = await cli(['mcp', 'install', '--workspace', acme, '--for', host, '--force', '--json'])
        expect(forced.code, forced.stderr).toBe(0)
        expect(JSON.parse(forced.stdout)).toMatchObject({action: 'installed', replaced: 'foreign'})
        expect(serversOf(host, readFileSync(file, 'utf8'))[name]).toEqual({command: process.execPath, args: [RUN_JS, 'mcp', '--workspace', acme]})

        const removed = await cli(['mcp', 'uninstall', '--workspace', acme, '--for', host])
        expect(removed.code, removed.stderr).toBe(0)
        expect(removed.stdout).toContain('not brought back')
        const after = readFileSync(file, 'utf8')
        expect(serversOf(host, after)[name]).toBeUndefined()
        // Everything but the replaced entry is as it was.
        expect(after).toBe(
          host === 'codex'
            ? 'model = "o3"\n\n[profiles.fast]\nmodel = "o4-mini"\n'
            : '{\n  "mcpServers": {\n    "other": {"command": "npx"}\n  }\n}\n',
        )
      })

      it('a file edited since the install: uninstall takes out only its entry, says so, and keeps the edits', async () => {
        const file = configOf(host)
        const original = livedIn(host)
        writeFileSync(file, original)
        expect((await cli(['mcp', 'install', '--workspace', acme, '--for', host])).code).toBe(0)
        const installed = readFileSync(file, 'utf8')
        const edit = (text: string): string => (host === 'codex' ? text.replace('model = "o3" # default', 'model = "o3-pro" # changed since') : text.replace('"other": {', '"added-since": {"command": "y"},\n\t\t"other": {'))
        writeFileSync(file, edit(installed))
        const removed = await cli(['mcp', 'uninstall', '--workspace', acme, '--for', host])
        expect(removed.code, removed.stderr).toBe(0)
        expect(removed.stdout).toContain('edited since the install, so only that entry was removed')
        expect(readFileSync(file, 'utf8')).toBe(host === 'codex' ? edit(original) + '\n' : edit(original))
      })
    })
  }

  it("the installed command starts outloop mcp for the folder's client (the MCP SDK's own client over stdio)", async () => {
    const file = configOf('claude-code')
    writeFileSync(file, '{}\n')
    expect((await cli(['mcp', 'install', '--workspace', acme, '--for', 'claude-code'])).code).toBe(0)
    const entry = serversOf('claude-code', readFileSync(file, 'utf8')).outloop
    // Started as a host starts it: the command and args from the file, an environment of its own.
    const transport = new StdioClientTransport({command: entry.command, args: entry.args, env: {OUTLOOP_HOME: home, PATH: process.env.PATH ?? '', NO_COLOR: '1'}, stderr: 'pipe'})
    let stderr = ''
    transport.stderr?.on('data', (d) => (stderr += d))
    const client = new Client({name: 'outloop-install-test', version: '1.0.0'})
    await client.connect(transport)
    try {
      expect(client.getServerVersion()?.title).toBe('outloop (acme)')
      expect((await client.listTools()).tools.map((t) => t.name).sort()).toEqual(['call_api', 'list_services'])
    } finally {
      await client.close()
      outputs.push(stderr)
    }
    expect(stderr).toContain(`serving acme (${acme})`)
    expect((await cli(['mcp', 'uninstall', '--workspace', acme, '--for', 'claude-code'])).code).toBe(0)
    expect(readFileSync(file, 'utf8')).toBe('{}\n')
  })

  it('two clients in one shared file (Codex): an entry each, named for the client; each uninstall takes out its own', async () => {
    const file = configOf('codex')
    const original = '# shared by every client\nmodel = "o3"\n'
    writeFileSync(file, original)
    expect((await cli(['mcp', 'install', '--workspace', acme, '--for', 'codex'])).code).toBe(0)
    expect((await cli(['mcp', 'install', '--workspace', globex, '--for', 'codex'])).code).toBe(0)
    const servers = serversOf('codex', readFileSync(file, 'utf8'))
    expect(Object.keys(servers).sort()).toEqual(['outloop-acme', 'outloop-globex'])
    expect(servers['outloop-globex'].args).toEqual([RUN_JS, 'mcp', '--workspace', globex])
    // In the order they came: acme's is no longer the last edit, so only its table goes.
    const first = await cli(['mcp', 'uninstall', '--workspace', acme, '--for', 'codex'])
    expect(first.code, first.stderr).toBe(0)
    expect(first.stdout).toContain('only that entry was removed')
    expect(Object.keys(serversOf('codex', readFileSync(file, 'utf8')))).toEqual(['outloop-globex'])
    expect((await cli(['mcp', 'uninstall', '--workspace', globex, '--for', 'codex'])).code).toBe(0)
    expect(readFileSync(file, 'utf8')).toBe(original)
    // In reverse order each undo is exact.
    expect((await cli(['mcp', 'install', '--workspace', acme, '--for', 'codex'])).code).toBe(0)
    expect((await cli(['mcp', 'install', '--workspace', globex, '--for', 'codex'])).code).toBe(0)
    expect((await cli(['mcp', 'uninstall', '--workspace', globex, '--for', 'codex'])).stdout).toContain('byte for byte')
    expect((await cli(['mcp', 'uninstall', '--workspace', acme, '--for', 'codex'])).stdout).toContain('byte for byte')
    expect(readFileSync(file, 'utf8')).toBe(original)
  })

  it('honours CODEX_HOME and --config, and edits a symlinked file where it points', async () => {
    const codexHome = join(root, 'codex-home')
    const dotfiles = join(root, 'dotfiles')
    mkdirSync(codexHome, {recursive: true})
    mkdirSync(dotfiles, {recursive: true})
    const target = join(dotfiles, 'codex.toml')
    writeFileSync(target, 'model = "o3"')
    symlinkSync(target, join(codexHome, 'config.toml'))
    const installed = await cli(['mcp', 'install', '--workspace', acme, '--for', 'codex', '--json'], {CODEX_HOME: codexHome})
    expect(installed.code, installed.stderr).toBe(0)
    expect(JSON.parse(installed.stdout).file).toBe(join(codexHome, 'config.toml'))
    expect(lstatSync(join(codexHome, 'config.toml')).isSymbolicLink()).toBe(true)
    expect(serversOf('codex', readFileSync(target, 'utf8'))['outloop-acme'].args[0]).toBe(RUN_JS)
    expect((await cli(['mcp', 'uninstall', '--workspace', acme, '--for', 'codex'], {CODEX_HOME: codexHome})).code).toBe(0)
    expect(readFileSync(target, 'utf8')).toBe('model = "o3"')
    expect(lstatSync(join(codexHome, 'config.toml')).isSymbolicLink()).toBe(true)

    const custom = join(root, 'elsewhere', 'mcp.json')
    const viaConfig = await cli(['mcp', 'install', '--workspace', globex, '--for', 'cursor', '--config', custom, '--name', 'globex-tools'])
    expect(viaConfig.code, viaConfig.stderr).toBe(0)
    expect(Object.keys(serversOf('cursor', readFileSync(custom, 'utf8')))).toEqual(['globex-tools'])
    expect(existsSync(join(globex, '.cursor'))).toBe(false)
    expect((await cli(['mcp', 'uninstall', '--workspace', globex, '--for', 'cursor', '--config', custom])).code).toBe(0)
    expect(existsSync(join(root, 'elsewhere'))).toBe(false)
  })

  it('refuses a folder that is not connected, a file it cannot parse, and an entry changed since (without --force)', async () => {
    const loose = join(root, 'loose')
    mkdirSync(loose)
    const notConnected = await cli(['mcp', 'install', '--workspace', loose, '--for', 'claude-code'])
    expect(notConnected.code).toBe(2)
    expect(notConnected.stderr).toContain('is not connected to a client')
    expect(existsSync(join(loose, '.mcp.json'))).toBe(false)

    const file = configOf('claude-code', globex)
    const broken = `{"mcpServers": {"other": {"env": {"K": "${planted[0]}"}}`
    writeFileSync(file, broken)
    const unparsable = await cli(['mcp', 'install', '--workspace', globex, '--for', 'claude-code'])
    expect(unparsable.code).toBe(2)
    expect(unparsable.stderr).toMatch(/not valid JSON .*\(line 1, column \d+\)/)
    expect(readFileSync(file, 'utf8')).toBe(broken)

    writeFileSync(file, '{\n  "mcpServers": {}\n}\n')
    expect((await cli(['mcp', 'install', '--workspace', globex, '--for', 'claude-code'])).code).toBe(0)
    writeFileSync(file, readFileSync(file, 'utf8').replace('"--workspace",', '"--workspace", "--verbose",'))
    const changed = await cli(['mcp', 'uninstall', '--workspace', globex, '--for', 'claude-code'])
    expect(changed.code).toBe(2)
    expect(changed.stderr).toContain('was changed since outloop installed it')
    expect((await cli(['mcp', 'uninstall', '--workspace', globex, '--for', 'claude-code', '--force'])).code).toBe(0)
    expect(serversOf('claude-code', readFileSync(file, 'utf8'))).toEqual({})
  })

  it('its own older entry (outloop moved, say) is rewritten only with --force', async () => {
    const file = configOf('cursor', globex)
    expect((await cli(['mcp', 'install', '--workspace', globex, '--for', 'cursor'])).code).toBe(0)
    writeFileSync(file, readFileSync(file, 'utf8').replace(RUN_JS, '/old/place/bin/run.js'))
    const refused = await cli(['mcp', 'install', '--workspace', globex, '--for', 'cursor'])
    expect(refused.code).toBe(2)
    expect(refused.stderr).toContain('already holds an older entry that outloop installed as outloop')
    const forced = await cli(['mcp', 'install', '--workspace', globex, '--for', 'cursor', '--force', '--json'])
    expect(forced.code, forced.stderr).toBe(0)
    expect(JSON.parse(forced.stdout)).toMatchObject({action: 'installed', replaced: 'previous-install', createdFile: true})
    expect(serversOf('cursor', readFileSync(file, 'utf8')).outloop.args[0]).toBe(RUN_JS)
    expect((await cli(['mcp', 'uninstall', '--workspace', globex, '--for', 'cursor'])).code).toBe(0)
    expect(existsSync(join(globex, '.cursor'))).toBe(false)
  })

  it('--help names the files, the flags and the exit codes', async () => {
    const help = await cli(['mcp', 'install', '--help'])
    expect(help.code).toBe(0)
    for (const text of ['.mcp.json', '.cursor/mcp.json', 'config.toml', 'claude_desktop_config.json', '--force', '--config', 'Exit codes']) expect(help.stdout).toContain(text)
    const uninstallHelp = await cli(['mcp', 'uninstall', '--help'])
    expect(uninstallHelp.stdout).toContain('byte for byte')
  })
})
