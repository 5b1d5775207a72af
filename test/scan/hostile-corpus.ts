import {fakeKeyOf} from '../helpers/fakes.js'

/** One generated file: where it goes, its bytes, and the key planted on a line of its own (if any). */
export interface HostileFile {
  readonly relPath: string
  readonly bytes: Buffer
  /** A key on a line the line-based pass can read: it must be found, or the file listed as not read. */
  readonly key: string | null
  /** Which generator made it, for failure messages. */
  readonly kind: string
  /** Made to be binary: the only kind a scan may pass over without reading. */
  readonly binary: boolean
}

/** mulberry32: a tiny seeded generator, so a failing corpus can be rebuilt exactly. */
function seededRandom(seed: number): () => number {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

const PROVIDERS = ['OpenAI', 'Anthropic', 'GitHub', 'Stripe']
/** Depths around the limit (128) and far past it, where a recursive parser runs out of stack. */
const DEPTHS = [20, 127, 128, 129, 200, 1_000, 5_000, 20_000]
const CLIENTS = ['acme', 'globex', 'initech', '_templates']

/** Pieces of file names a terminal or a line-oriented reader acts on. */
const NAME_PIECES = ['\n', '\r', '\r\n', '\u001b[2J', '\u001b]0;owned\u0007', '\u001b]8;;https:x\u001b\\', '\u009b31m', '\u202e', '\u2066', '\u2028', '\t', '\u0007', '\u007f', ' ', '\u00a0', '-', '..', '$(x)', '`x`', "'", '"', '\\', '*', '?', '[a]', '{b}', '😀', 'é']

interface Planted {
  readonly text: string
  readonly key: string | null
}

type Pick = <T>(items: readonly T[]) => T

/**
 * A seeded corpus of files made to break a scanner: deep nesting in every parsed format, broken syntax
 * around a planted key, control characters in names, huge lines, and mixed encodings (UTF-16 either way
 * round, BOMs, stray NULs, Latin-1, binary). Each key sits on a line of its own that the line pass can read.
 */
export function buildHostileCorpus(seed: number, count: number): HostileFile[] {
  const random = seededRandom(seed)
  const int = (max: number): number => Math.floor(random() * max)
  const pick: Pick = (items) => items[int(items.length)]
  const newKey = (): string => fakeKeyOf(pick(PROVIDERS)).key
  const files: HostileFile[] = []
  const generators: Array<[string, number, (i: number) => HostileFile]> = [
    ['deep', 30, (i) => deepFile(i, pick, int, newKey)],
    ['broken', 25, (i) => brokenFile(i, pick, int, newKey)],
    ['name', 15, (i) => namedFile(i, pick, int, newKey)],
    ['huge-line', 3, (i) => hugeLineFile(i, pick, int, newKey)],
    ['encoding', 20, (i) => encodedFile(i, pick, int, newKey)],
    ['exhaustion', 7, (i) => exhaustionFile(i, pick, int, newKey)],
  ]
  const total = generators.reduce((n, [, weight]) => n + weight, 0)
  for (let i = 0; i < count; i++) {
    let roll = int(total)
    const generator = generators.find(([, weight]) => (roll -= weight) < 0) ?? generators[0]
    files.push(generator[2](i))
  }
  return files
}

function client(i: number): string {
  return CLIENTS[i % CLIENTS.length]
}

function text(relPath: string, kind: string, planted: Planted): HostileFile {
  return {relPath, bytes: Buffer.from(planted.text), key: planted.key, kind, binary: false}
}

/** The parsed formats, each with a way to nest `depth` levels around a planted key line. */
function deepFile(i: number, pick: Pick, int: (n: number) => number, newKey: () => string): HostileFile {
  const key = newKey()
  const d = pick(DEPTHS)
  const brackets = (open: string, close: string, n = d): string => open.repeat(n) + close.repeat(n)
  const shapes: Array<[string, () => string]> = [
    ['data.json', () => `{\n  "apiKey": "${key}",\n  "deep": ${brackets('[', ']')}\n}\n`],
    ['.mcp.json', () => `{\n  "mcpServers": {"x": {"env": {"OPENAI_API_KEY": "${key}"}}},\n  "deep": ${brackets('{"a": ', '}')}1\n}\n`],
    ['settings.jsonc', () => `// settings\n{\n  "token": "${key}", /* ${'['.repeat(int(500))} */\n  "deep": ${brackets('[', ']')}\n}\n`],
    ['nb.ipynb', () => `{"cells": [{"cell_type": "code", "source": ["api_key = '${key}'\\n"]}],\n "metadata": ${brackets('{"m": ', '}')}null}\n`],
    ['.docker/config.json', () => `{"auths": {},\n "token": "${key}",\n "x": ${brackets('[', ']')}}\n`],
    ['values.yaml', () => `api_key: ${key}\ndeep: ${brackets('[', ']')}\n`],
    ['list.yaml', () => `token: "${key}"\n${'- '.repeat(d)}x\n`],
    ['maps.yml', () => `token: ${key}\n` + Array.from({length: Math.min(d, 300)}, (_, n) => `${' '.repeat(n)}k${n}:`).join('\n') + ' end\n'],
    ['docker-compose.yml', () => `services:\n  app:\n    environment:\n      OPENAI_API_KEY: ${key}\n    x: ${brackets('{a: ', '}')}\n`],
    ['.github/workflows/ci.yml', () => `on: push\nenv:\n  TOKEN: ${key}\njobs: ${brackets('[', ']')}\n`],
    ['secret.yaml', () => `kind: Secret\nstringData:\n  token: ${key}\ndata: ${brackets('{x: ', '}')}\n`],
    ['skills/x/SKILL.md', () => `---\nname: x\nmeta: ${brackets('[', ']')}\n---\nUse ${key} for the API.\n`],
    ['config.toml', () => `api_key = "${key}"\nx = ${brackets('[', ']')}\ny = ${brackets('{a = ', '}')}\n`],
    ['notes.md', () => `# Notes\n\nkey: ${key}\n\n${'> '.repeat(d)}quote\n${'  '.repeat(Math.min(d, 500))}- item\n`],
    ['app.js', () => `const apiKey = "${key}";\nconst x = ${brackets('(', ')')}${brackets('[', ']')};\n`],
    ['setup.cfg', () => `token = ${key}\n${'['.repeat(d)}section${']'.repeat(d)}\n`],
    ['.env', () => `OPENAI_API_KEY=${key}\nX=${brackets('${', '}')}\n`],
  ]
  const [name, make] = pick(shapes)
  return text(`${client(i)}/deep-${i}/${name}`, `deep ${name} ${d}`, {text: make(), key})
}

/** A valid file of some format with broken lines inserted before and after the key's own line. */
function brokenFile(i: number, pick: Pick, int: (n: number) => number, newKey: () => string): HostileFile {
  const key = newKey()
  const formats: Array<[string, string]> = [
    ['.env', `OPENAI_API_KEY=${key}`],
    ['a.yaml', `api_key: ${key}`],
    ['docker-compose.yml', `      OPENAI_API_KEY: ${key}`],
    ['b.json', `  "apiKey": "${key}",`],
    ['config.toml', `api_key = "${key}"`],
    ['SKILL.md', `export OPENAI_API_KEY=${key}`],
    ['Dockerfile', `ENV OPENAI_API_KEY=${key}`],
    ['x.ini', `token = ${key}`],
    ['run.py', `API_KEY = "${key}"`],
    ['crontab', `0 * * * * OPENAI_API_KEY=${key} run`],
    ['x.service', `Environment=OPENAI_API_KEY=${key}`],
    ['.npmrc', `//registry.npmjs.org/:_authToken=${key}`],
    ['nb.ipynb', `"api_key = ${key}",`],
  ]
  const breakers = ['"', "'", '{', '[', '}', ']', ': : [', '\tkey:\tvalue', '"""', "'''", '---', '...', '\\', 'a: b: c', '&a *a', '!!binary x', '<<: *missing', '%YAML 9.9', '```', '-----BEGIN RSA PRIVATE KEY-----', 'ENV \\', '[section', '= =', 'export', '${', '#!', '<!--', '/*', '? complex', '- - -', '{"a": [1, 2,', 'key = """', '\u0000', '\uFEFF', '\r']
  const [name, keyLine] = pick(formats)
  const before = Array.from({length: 1 + int(4)}, () => pick(breakers))
  const after = Array.from({length: int(4)}, () => pick(breakers))
  const eol = pick(['\n', '\r\n'])
  // The key's line stays whole: the breakers sit on lines of their own around it.
  return text(`${client(i)}/broken-${i}/${name}`, `broken ${name}`, {text: [...before, keyLine, ...after].join(eol) + (int(2) === 0 ? eol : ''), key})
}

/** A key in a file whose name (or folder name) holds control characters and shell metacharacters. */
function namedFile(i: number, pick: Pick, int: (n: number) => number, newKey: () => string): HostileFile {
  const key = newKey()
  const piece = (): string => Array.from({length: 1 + int(3)}, () => pick(NAME_PIECES)).join('')
  const ext = pick(['.env', '.yaml', '.json', '.md', '.txt', ''])
  const inFolder = int(3) === 0
  const name = `n${i}${piece()}${ext}`
  const relPath = inFolder ? `${client(i)}/d${i}${piece()}/${name}` : `${client(i)}/${name}`
  const body = ext === '.json' ? `{"apiKey": "${key}"}\n` : ext === '.yaml' ? `api_key: ${key}\n` : `OPENAI_API_KEY=${key}\n`
  return text(relPath, 'name', {text: body, key})
}

/** One line of hundreds of kilobytes with the key inside it, as minified bundles and data dumps have. */
function hugeLineFile(i: number, pick: Pick, int: (n: number) => number, newKey: () => string): HostileFile {
  const key = newKey()
  const size = 50_000 + int(250_000)
  const filler = pick(['x', 'ab ', '=', '"', '\\', '{', 'a1B2', '%2F']).repeat(Math.ceil(size / 2))
  const shapes: Array<[string, string]> = [
    ['bundle.min.js', `var a="${filler}";var k="${key}";var b="${filler}";\n`],
    ['dump.json', `{"pad":"${filler.replace(/["\\]/g, 'x')}","apiKey":"${key}","more":"${filler.replace(/["\\]/g, 'y')}"}`],
    ['.env', `PAD=${filler.replace(/\s/g, 'z')}\nOPENAI_API_KEY=${key}\n`],
    ['log.txt', `${filler} ${key} ${filler}\n`],
  ]
  const [name, body] = pick(shapes)
  return text(`${client(i)}/huge-${i}/${name}`, `huge-line ${name} ${size}`, {text: body, key})
}

/** The same small files in the encodings Windows tools and copy-pastes leave behind. */
function encodedFile(i: number, pick: Pick, int: (n: number) => number, newKey: () => string): HostileFile {
  const key = newKey()
  const [name, body] = pick<[string, string]>([
    ['.env', `# env\r\nOPENAI_API_KEY=${key}\r\nOTHER=1\r\n`],
    ['a.yaml', `# café\nx: 1\napi_key: ${key}\n`],
    ['b.json', `{\n  "note": "naïve",\n  "apiKey": "${key}"\n}\n`],
    ['notes.txt', `Key below ✓\n${key}\n`],
  ])
  const encodings: Array<[string, () => Buffer]> = [
    ['utf16le-bom', () => Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(body, 'utf16le')])],
    ['utf16be-bom', () => Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(body, 'utf16le').swap16()])],
    ['utf16le', () => Buffer.from(body, 'utf16le')],
    ['utf8-bom', () => Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(body)])],
    ['latin1', () => Buffer.concat([Buffer.from('# caf\xe9 na\xefve \xa9\n', 'latin1'), Buffer.from(body)])],
    ['stray-nul', () => Buffer.from(body.replace(/\n/, '\u0000\n'))],
    ['nuls', () => Buffer.from('\u0000'.repeat(1 + int(3)) + '\n' + body)],
    ['binary', () => Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(64), Buffer.from(`\n${key}\n`), Buffer.from(Array.from({length: 256}, (_, n) => n))])],
  ]
  const [encoding, encode] = pick(encodings)
  return {relPath: `${client(i)}/enc-${i}/${encoding}${name}`, bytes: encode(), key, kind: `encoding ${encoding} ${name}`, binary: encoding === 'binary'}
}

/** Inputs that cost a parser or a pattern more than their size: alias bombs, runs of markers, many lines. */
function exhaustionFile(i: number, pick: Pick, int: (n: number) => number, newKey: () => string): HostileFile {
  const key = newKey()
  const n = 1_000 + int(20_000)
  const shapes: Array<[string, () => string]> = [
    ['bomb.yaml', () => `api_key: ${key}\na: &a ["x","x","x","x","x","x","x","x","x"]\n` + Array.from({length: 9}, (_, k) => `${'bcdefghij'[k]}: &${'bcdefghij'[k]} [${Array(9).fill(`*${'abcdefghi'[k]}`).join(',')}]`).join('\n') + '\n'],
    ['ticks.md', () => `${'`'.repeat(n)}\nkey ${key}\n${'`'.repeat(n)}\n`],
    ['slashes.env', () => `OPENAI_API_KEY=${key}\nX="${'\\'.repeat(n)}\n`],
    ['cont.Dockerfile', () => `FROM x\nENV OPENAI_API_KEY=${key}\nRUN ${'a \\\n'.repeat(n)}b\n`],
    ['lines.txt', () => 'x\n'.repeat(n * 5) + `${key}\n`],
    ['quotes.json', () => `{"apiKey": "${key}",\n "x": "${'\\"'.repeat(n)}"}\n`],
    ['eqs.env', () => `${'='.repeat(n)}\nOPENAI_API_KEY=${key}\n`],
    ['urls.txt', () => `${'postgres://u:'.repeat(n / 10)}\n${key}\n`],
    ['pw.txt', () => `${'password='.repeat(n)}\n${key}\n`],
    ['blocks.txt', () => `${'-----BEGIN RSA PRIVATE KEY-----\n'.repeat(n / 4)}${key}\n`],
    ['accounts.md', () => Array.from({length: n}, (_, k) => `team${k}.slack.com`).join('\n') + `\n${key}\n`],
    ['pem.key', () => `-----BEGIN RSA PRIVATE KEY-----\n${'A'.repeat(64)}\n`.repeat(50) + `\ntoken ${key}\n`],
  ]
  const [name, make] = pick(shapes)
  return text(`${client(i)}/exhaust-${i}/${name}`, `exhaustion ${name} ${n}`, {text: make(), key})
}
