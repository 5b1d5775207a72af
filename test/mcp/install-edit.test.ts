import {parse as parseJsonc, type ParseError} from 'jsonc-parser'
import {parse as parseToml} from 'smol-toml'
import {describe, expect, it} from 'vitest'

import {findMcpServerEntry, insertMcpServerEntry, isEmptyMcpConfig, mcpHostConfig, McpConfigTextError, removeMcpServerEntry, undoMcpServerInsert, type McpConfigFormat} from '../../src/mcp/install-edit.js'

const ENTRY = {command: '/opt/outloop/bin/outloop', args: ['mcp', '--workspace', '/home/me/clients/acme']}
const OTHER = {command: 'npx', args: ['-y', 'some-server']}

function parsed(format: McpConfigFormat, text: string): Record<string, any> {
  if (format === 'toml') return parseToml(text) as Record<string, any>
  const errors: ParseError[] = []
  const value = parseJsonc(text, errors, {allowTrailingComma: true})
  // A file with nothing in it yet is an empty document.
  if (value === undefined) return {}
  expect(errors).toEqual([])
  return value
}

const serversKey = (format: McpConfigFormat) => (format === 'json' ? 'mcpServers' : 'mcp_servers')

/** Files as people leave them: each must take the entry, keep everything else, and give the same bytes back. */
const JSON_FILES: Record<string, string> = {
  empty: '',
  'whitespace only': '\n',
  'comments only': '// servers go here\n',
  'empty object': '{}',
  'empty object, newline': '{}\n',
  'two spaces, other server': '{\n  "mcpServers": {\n    "other": {\n      "command": "npx",\n      "args": ["-y", "some-server"]\n    }\n  }\n}\n',
  'tabs, comments, no final newline': '{\n\t// my servers\n\t"mcpServers": {\n\t\t"other": {"command": "npx", "args": ["-y", "some-server"]} // keep me\n\t},\n\t/* and a theme */\n\t"theme": "dark"\n}',
  'four spaces, no mcpServers': '{\n    "globalShortcut": "Ctrl+Space",\n    "theme": "light" /* c */\n}\n',
  'trailing commas': '{\n  "mcpServers": {\n    "other": {"command": "npx", "args": ["-y", "some-server"]},\n  },\n}\n',
  'empty servers on one line': '{\n  "mcpServers": {},\n  "x": 1\n}\n',
  'empty servers over lines': '{\n  "mcpServers": {\n  }\n}\n',
  minified: '{"mcpServers":{"other":{"command":"npx","args":["-y","some-server"]}},"theme":"dark"}',
  'one-line servers in a pretty file': '{\n  "mcpServers": {"other": {"command": "npx", "args": ["-y", "some-server"]}}\n}\n',
  crlf: '{\r\n  "theme": "dark",\r\n  "mcpServers": {\r\n    "other": {"command": "npx", "args": ["-y", "some-server"]}\r\n  }\r\n}\r\n',
  'unicode and escapes': '{\n  "note": "café ☕ \\u00e9 😀",\n  "mcpServers": {}\n}\n',
}

const TOML_FILES: Record<string, string> = {
  empty: '',
  'settings, no final newline': 'model = "o3"\napproval_policy = "on-request"',
  'comments and other servers': '# Codex settings\nmodel = "o3" # the default\n\n[mcp_servers.other]\ncommand = "npx"\nargs = ["-y", "some-server"]\n\n[mcp_servers.other.env]\nLOG = "1"\n\n# profiles below\n[profiles.fast]\nmodel = "o4-mini"\n',
  'tabs and crlf': '[mcp_servers.other]\r\n\tcommand = "npx"\r\n\targs = ["-y", "some-server"]\r\n',
  'explicit servers table': '[mcp_servers]\n\n[mcp_servers.other]\ncommand = "npx"\n',
}

describe('insertMcpServerEntry / undoMcpServerInsert', () => {
  for (const [format, files] of [['json', JSON_FILES], ['toml', TOML_FILES]] as const) {
    for (const [label, text] of Object.entries(files)) {
      it(`${format}: ${label}: adds the entry, changes nothing else, and undoes to the same bytes`, () => {
        const before = parsed(format, text)
        const {text: after, inserted} = insertMcpServerEntry(format, text, 'outloop', ENTRY)
        const doc = parsed(format, after)
        expect(doc[serversKey(format)].outloop).toEqual(ENTRY)
        // Nothing else changed: the document minus the entry is the document before.
        delete doc[serversKey(format)].outloop
        if (!before[serversKey(format)]) {
          expect(doc[serversKey(format)]).toEqual({})
          delete doc[serversKey(format)]
        }
        expect(doc).toEqual(before)
        // Only insertions: every byte of the original is still there, in order.
        let at = 0
        for (const ch of text) {
          at = after.indexOf(ch, at)
          expect(at).toBeGreaterThanOrEqual(0)
          at += ch.length
        }
        if (text.includes('\r\n')) expect(after.replaceAll('\r\n', '')).not.toContain('\n')
        expect(undoMcpServerInsert(after, inserted)).toBe(text)
        // Running twice is refused, not a second entry.
        expect(() => insertMcpServerEntry(format, after, 'outloop', ENTRY)).toThrow(McpConfigTextError)
      })
    }
  }

  it('lays the entry out like the members beside it', () => {
    const tabs = insertMcpServerEntry('json', JSON_FILES['tabs, comments, no final newline'], 'outloop', ENTRY).text
    expect(tabs).toContain('\n\t\t"outloop": {\n\t\t\t"command": "/opt/outloop/bin/outloop",\n\t\t\t"args": [\n\t\t\t\t"mcp",')
    // The comment that ended the last member's line stays on that line, after the comma the new member needs.
    expect(tabs).toContain('"other": {"command": "npx", "args": ["-y", "some-server"]}, // keep me\n\t\t"outloop"')
    expect(tabs.endsWith('"theme": "dark"\n}')).toBe(true)
    const four = insertMcpServerEntry('json', JSON_FILES['four spaces, no mcpServers'], 'outloop', ENTRY).text
    expect(four).toContain('"theme": "light", /* c */\n    "mcpServers": {\n        "outloop": {\n            "command"')
    const minified = insertMcpServerEntry('json', JSON_FILES.minified, 'outloop', ENTRY).text
    expect(minified).not.toContain('\n')
    const toml = insertMcpServerEntry('toml', TOML_FILES['settings, no final newline'], 'outloop-acme', ENTRY).text
    expect(toml).toBe('model = "o3"\napproval_policy = "on-request"\n\n[mcp_servers.outloop-acme]\ncommand = "/opt/outloop/bin/outloop"\nargs = ["mcp", "--workspace", "/home/me/clients/acme"]\n')
  })

  it('quotes TOML keys and strings that need it', () => {
    const odd = {command: '/opt/out "loop"/bin/outloop', args: ['mcp', '--workspace', 'C:\\clients\\acme']}
    const {text} = insertMcpServerEntry('toml', '', 'outloop-acme.eu', odd)
    expect(text.startsWith('[mcp_servers."outloop-acme.eu"]\n')).toBe(true)
    expect((parseToml(text) as any).mcp_servers['outloop-acme.eu']).toEqual(odd)
  })

  it('refuses files it cannot edit without changing them, saying where (never quoting them)', () => {
    const secretish = 'sk-' + 'x'.repeat(30)
    for (const [format, text, pattern] of [
      ['json', `{"mcpServers": {"a": "${secretish}"`, /not valid JSON/],
      ['json', '[1, 2]', /top level is not a JSON object/],
      ['json', '{"mcpServers": []}', /mcpServers is not an object/],
      ['toml', `key = "${secretish}`, /not valid TOML/],
      ['toml', 'mcp_servers = "no"\n', /mcp_servers is not a table/],
      ['toml', 'mcp_servers = { other = { command = "x" } }\n', /written inline/],
    ] as const) {
      let caught: unknown
      try {
        insertMcpServerEntry(format, text, 'outloop', ENTRY)
      } catch (error) {
        caught = error
      }
      expect(caught).toBeInstanceOf(McpConfigTextError)
      expect((caught as Error).message).toMatch(pattern)
      expect((caught as Error).message).not.toContain(secretish)
    }
    const at = (() => {
      try {
        insertMcpServerEntry('toml', 'a = 1\nb = = 2\n', 'outloop', ENTRY)
      } catch (error) {
        return error as McpConfigTextError
      }
    })()
    expect(at?.line).toBe(2)
  })

  it('refuses an undo on a file that is not the one it wrote', () => {
    const {text, inserted} = insertMcpServerEntry('json', JSON_FILES['two spaces, other server'], 'outloop', ENTRY)
    expect(() => undoMcpServerInsert(text.replace('"outloop"', '"outloop2"'), inserted)).toThrow(McpConfigTextError)
  })
})

describe('removeMcpServerEntry (a file edited since the install)', () => {
  it('json: takes out only the entry, its comma and its lines; the edits made since stay', () => {
    const {text} = insertMcpServerEntry('json', JSON_FILES['two spaces, other server'], 'outloop', ENTRY)
    const edited = text.replace('"mcpServers": {', '"theme": "dark", // added since\n  "mcpServers": {')
    const out = removeMcpServerEntry('json', edited, 'outloop')
    expect(out).toBe(JSON_FILES['two spaces, other server'].replace('"mcpServers": {', '"theme": "dark", // added since\n  "mcpServers": {'))
    // An entry added after ours since: ours goes with its own comma, the new one stays as it was.
    const later = text.replace(/\n  \}\n\}\n$/, ',\n    "later": {"command": "y"}\n  }\n}\n')
    expect(parsed('json', later).mcpServers.later).toEqual({command: 'y'})
    const out2 = removeMcpServerEntry('json', later, 'outloop')
    expect(out2).toBe(JSON_FILES['two spaces, other server'].replace(/\n  \}\n\}\n$/, ',\n    "later": {"command": "y"}\n  }\n}\n'))
    // The only member: the object is left empty, not removed (someone may rely on it).
    const alone = insertMcpServerEntry('json', '{\n  "x": 1\n}\n', 'outloop', ENTRY).text.replace('"x": 1', '"x": 2')
    expect(removeMcpServerEntry('json', alone, 'outloop')).toBe('{\n  "x": 2,\n  "mcpServers": {\n  }\n}\n')
    expect(removeMcpServerEntry('json', JSON_FILES.minified, 'outloop')).toBe(JSON_FILES.minified)
  })

  it('json: an entry first among others takes the comma after it', () => {
    const text = '{\n  "mcpServers": {\n    "outloop": {"command": "a"}, // ours\n    "other": {"command": "b"}\n  }\n}\n'
    expect(removeMcpServerEntry('json', text, 'outloop')).toBe('{\n  "mcpServers": {\n     // ours\n    "other": {"command": "b"}\n  }\n}\n')
  })

  it('toml: takes out the table and its sub-tables, up to the next table and the comments before it', () => {
    const {text} = insertMcpServerEntry('toml', TOML_FILES['comments and other servers'], 'outloop-acme', ENTRY)
    const edited = text.replace('model = "o3"', 'model = "o3-pro"') + '\n[mcp_servers.outloop-acme.env]\nX = "1"\n\n# added later\n[profiles.slow]\nmodel = "o3"\n'
    const out = removeMcpServerEntry('toml', edited, 'outloop-acme')
    expect(out).toBe(TOML_FILES['comments and other servers'].replace('model = "o3"', 'model = "o3-pro"') + '\n# added later\n[profiles.slow]\nmodel = "o3"\n')
    expect(findMcpServerEntry('toml', out, 'outloop-acme').present).toBe(false)
    expect(() => removeMcpServerEntry('toml', 'mcp_servers.outloop = { command = "x" }\n', 'outloop')).toThrow(/remove it by hand/)
  })
})

describe('isEmptyMcpConfig', () => {
  it('is true only for a file that says nothing: no setting, no server, no comment', () => {
    for (const text of ['', '\n', '{}', '{\n  "mcpServers": {\n  }\n}\n']) expect(isEmptyMcpConfig('json', text)).toBe(true)
    for (const text of ['// note\n{}', '{"x": 1}', '{"mcpServers": {"a": {}}}']) expect(isEmptyMcpConfig('json', text)).toBe(false)
    for (const text of ['', '\n', '[mcp_servers]\n']) expect(isEmptyMcpConfig('toml', text)).toBe(true)
    for (const text of ['# note\n', 'model = "o3"\n']) expect(isEmptyMcpConfig('toml', text)).toBe(false)
  })
})

describe('mcpHostConfig', () => {
  const base = {workspace: '/w/acme', homeDir: '/home/me'}
  it('names the file each host reads', () => {
    expect(mcpHostConfig('claude-code', {...base, env: {}, platform: 'linux'})).toEqual({file: '/w/acme/.mcp.json', format: 'json', scope: 'workspace'})
    expect(mcpHostConfig('cursor', {...base, env: {}, platform: 'darwin'}).file).toBe('/w/acme/.cursor/mcp.json')
    expect(mcpHostConfig('codex', {...base, env: {}, platform: 'linux'})).toEqual({file: '/home/me/.codex/config.toml', format: 'toml', scope: 'user'})
    expect(mcpHostConfig('codex', {...base, env: {CODEX_HOME: '/srv/codex/'}, platform: 'linux'}).file).toBe('/srv/codex/config.toml')
    expect(mcpHostConfig('claude-desktop', {...base, env: {}, platform: 'darwin'}).file).toBe('/home/me/Library/Application Support/Claude/claude_desktop_config.json')
    expect(mcpHostConfig('claude-desktop', {...base, env: {}, platform: 'linux'}).file).toBe('/home/me/.config/Claude/claude_desktop_config.json')
    expect(mcpHostConfig('claude-desktop', {...base, env: {XDG_CONFIG_HOME: '/x/cfg'}, platform: 'linux'}).file).toBe('/x/cfg/Claude/claude_desktop_config.json')
    expect(mcpHostConfig('claude-desktop', {workspace: 'C:\\w', homeDir: 'C:\\Users\\me', env: {APPDATA: 'C:\\Users\\me\\AppData\\Roaming'}, platform: 'win32'}).file).toBe('C:\\Users\\me\\AppData\\Roaming\\Claude\\claude_desktop_config.json')
  })
})
