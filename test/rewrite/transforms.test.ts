import {inspect} from 'node:util'
import {describe, expect, it} from 'vitest'
import {SecretValue} from '../../src/lib/secret-value.js'
import {
  applyEdits,
  interpolationVariableFor,
  isPlaceholder,
  parsePlaceholder,
  placeholderFor,
  planFileRewrite,
  revertEdits,
  RewriteError,
  valueSyntax,
  verifyRewrite,
} from '../../src/rewrite/index.js'
import type {RewriteEdit, RewriteTarget, TextEdit} from '../../src/rewrite/index.js'
import {requotedSyntaxFor} from '../../src/rewrite/encode.js'
import {scanFileText} from '../../src/scan/file-scan.js'
import {fakeKeyFor} from '../helpers/fakes.js'
import {leaksIn} from './plant.js'

const edit = (start: number, end: number, original: string, replacement: string): TextEdit => ({start, end, original: new SecretValue(original), replacement})

/** Plans with one entry per distinct vault value, named in order: what the migration planner will do, minus the vault. */
function plan(relPath: string, text: string, options: {interpolation?: 'never' | 'tool'} = {}) {
  const names = new Map<string, string>()
  const targets: RewriteTarget[] = []
  const placeholderFor = (target: RewriteTarget): string => {
    targets.push(target)
    const value = target.vaultValue.reveal()
    if (!names.has(value)) names.set(value, `outloop://acme/key-${names.size + 1}`)
    return names.get(value) as string
  }
  const scan = scanFileText(relPath, text)
  return {scan, targets, plan: planFileRewrite(relPath, text, scan.findings, {placeholderFor, ...options})}
}

function caught(fn: () => unknown): RewriteError {
  try {
    fn()
  } catch (error) {
    if (error instanceof RewriteError) return error
    throw error
  }
  throw new Error('expected a RewriteError')
}

describe('applyEdits and revertEdits', () => {
  const text = 'A=one\nB=two\nC=three\n'

  it('returns the very same string when there is nothing to do', () => {
    expect(applyEdits(text, [])).toBe(text)
    expect(revertEdits(text, [])).toBe(text)
  })

  it('applies edits given in any order, and reverts them byte for byte', () => {
    const edits = [edit(14, 19, 'three', '3'), edit(2, 5, 'one', 'uno!')]
    const out = applyEdits(text, edits)
    expect(out).toBe('A=uno!\nB=two\nC=3\n')
    expect(revertEdits(out, edits)).toBe(text)
  })

  it('refuses overlapping edits and edits outside the text', () => {
    expect(caught(() => applyEdits(text, [edit(2, 5, 'one', 'x'), edit(4, 6, 'e\n', 'y')])).kind).toBe('overlap')
    expect(caught(() => applyEdits(text, [edit(18, 40, 'e\n', 'x')])).kind).toBe('changed')
  })

  it('refuses a span whose bytes changed, naming file, line and column only', () => {
    const key = fakeKeyFor('openai-project-key')
    const changed = `A=one\nKEY=${key}\n`
    const error = caught(() => applyEdits(changed, [edit(10, 10 + key.length, key.slice(0, -1) + 'Q', 'outloop://acme/a')], '.env'))
    expect(error.kind).toBe('changed')
    expect(error.exitCode).toBe(2)
    expect(error.message).toBe("Can't rewrite .env:2:5: the file changed since the plan was made")
    expect(leaksIn(`${error.message}${error.stack}${inspect(error)}`, [key])).toEqual([])
  })

  it('refuses to revert a file edited after the rewrite', () => {
    const edits = [edit(2, 5, 'one', 'uno')]
    const out = applyEdits(text, edits)
    expect(caught(() => revertEdits(out.replace('uno', 'eins'), edits)).kind).toBe('changed')
  })
})

describe('placeholders', () => {
  it('accepts only outloop://<tenant>/<secret> in lower case', () => {
    expect(isPlaceholder('outloop://acme/openai-api-key')).toBe(true)
    expect(isPlaceholder('outloop://acme/openai.api_key-2')).toBe(true)
    for (const bad of ['outloop://Acme/key', 'outloop://acme/', 'outloop://acme/a/b', 'outloop://-acme/key', 'op://acme/key', 'outloop://acme/key ']) {
      expect(isPlaceholder(bad), bad).toBe(false)
    }
    expect(() => placeholderFor('Acme', 'key')).toThrow()
    expect(parsePlaceholder('outloop://globex/stripe-secret-key')).toEqual({tenant: 'globex', secret: 'stripe-secret-key'})
  })

  it('derives one interpolation variable per entry', () => {
    expect(interpolationVariableFor('outloop://acme/openai-api-key')).toBe('OUTLOOP_ACME_OPENAI_API_KEY')
    expect(interpolationVariableFor('outloop://acme.co/key.2')).toBe('OUTLOOP_ACME_CO_KEY_2')
  })

  it('refuses a namer that returns something else, without quoting the key', () => {
    const key = fakeKeyFor('openai-project-key')
    const text = `OPENAI_API_KEY=${key}\n`
    const scan = scanFileText('.env', text)
    const error = caught(() => planFileRewrite('.env', text, scan.findings, {placeholderFor: () => 'outloop://ACME/Key'}))
    expect(error.kind).toBe('placeholder')
    expect(error.message).toContain('.env:1:16')
    expect(leaksIn(error.message, [key])).toEqual([])
  })
})

describe('value syntaxes escape what their strings need', () => {
  it.each([
    ['json', 'a"b\\c\nd', 'a\\"b\\\\c\\nd'],
    ['yaml-double', 'a"b\\c', 'a\\"b\\\\c'],
    ['yaml-single', "it's", "it''s"],
    ['toml-basic', 'a"b\\c\td', 'a\\"b\\\\c\\td'],
    ['dotenv-double', 'a"b$c\\d\ne', 'a\\"b\\$c\\\\d\\ne'],
    ['shell-double', 'a"b$c`d', 'a\\"b\\$c\\`d'],
    ['code-double', 'a"b\\c', 'a\\"b\\\\c'],
    ['code-single', "a'b", "a\\'b"],
    ['powershell-double', 'a"b$c`d', 'a""b`$c``d'],
    ['powershell-single', "a'b", "a''b"],
    ['properties', ' a\\b', '\\ a\\\\b'],
    ['percent', 'outloop://acme/a b', 'outloop%3A%2F%2Facme%2Fa%20b'],
  ] as const)('%s', (id, input, expected) => {
    expect(valueSyntax(id).encode(input)).toBe(expected)
  })

  it.each([
    ['shell-single', "a'b"],
    ['toml-literal', "a'b"],
    ['yaml-plain', '- a'],
    ['yaml-plain', 'a: b'],
    ['yaml-plain', 'a #b'],
    ['dotenv-bare', 'a b'],
    ['dotenv-bare', '#a'],
    ['dockerfile-bare', '$HOME'],
    ['backtick', 'a${b}'],
    ['markdown-code', 'a`b'],
    ['text', 'a b'],
    ['notebook', 'a"b'],
  ] as const)('%s cannot hold %j and says so', (id, input) => {
    expect(valueSyntax(id).encode(input)).toBeUndefined()
  })

  it('leaves every placeholder and ${VAR} as written in every syntax that can hold them', () => {
    for (const id of ['json', 'yaml-double', 'yaml-single', 'yaml-plain', 'toml-basic', 'toml-literal', 'dotenv-double', 'dotenv-bare', 'shell-double', 'shell-single', 'ini-bare', 'npmrc-bare', 'properties', 'code-double', 'code-single', 'backtick', 'powershell-double', 'powershell-single', 'markdown-code', 'text', 'notebook', 'netrc-token', 'systemd-bare', 'dockerfile-bare'] as const) {
      expect(valueSyntax(id).encode('outloop://acme-co/openai.api_key-2'), id).toBe('outloop://acme-co/openai.api_key-2')
    }
    for (const id of ['json', 'yaml-double', 'yaml-plain', 'npmrc-bare'] as const) expect(valueSyntax(id).encode('${OUTLOOP_ACME_A}'), id).toBe('${OUTLOOP_ACME_A}')
  })

  it('moves a bare value that cannot hold its replacement into double quotes', () => {
    const dotenv = requotedSyntaxFor(valueSyntax('dotenv-bare'))
    expect(dotenv?.id).toBe('dotenv-double')
    expect(dotenv?.encode('a b $c')).toBe('a b \\$c')
    expect(requotedSyntaxFor(valueSyntax('yaml-plain'))?.encode('a: b')).toBe('a: b')
    expect(requotedSyntaxFor(valueSyntax('json'))).toBeUndefined()
  })
})

describe('planFileRewrite', () => {
  it('plans nothing for no findings, and the file stays byte-identical', () => {
    const text = 'LOG_LEVEL=debug\r\n'
    const result = planFileRewrite('.env', text, [], {placeholderFor: () => 'outloop://acme/a'})
    expect(result.edits).toEqual([])
    expect(applyEdits(text, result.edits)).toBe(text)
  })

  it('names the vault entry by what must be stored: a key, a whole URL, a whole credential pair, a whole value', () => {
    const openai = fakeKeyFor('openai-project-key')
    const password = fakeKeyFor('connection-uri-password')
    const hub = fakeKeyFor('docker-hub-pat')
    const env = `OPENAI_API_KEY=${openai}\nDATABASE_URL=postgres://app:${password}@db:5432/app?sslmode=require\n`
    const dotenv = plan('.env', env)
    expect(dotenv.targets.map((t) => [t.entry, t.name, t.ruleId])).toEqual([
      ['secret', 'OPENAI_API_KEY', 'openai-project-key'],
      ['uri', 'DATABASE_URL', 'connection-uri-password'],
    ])
    expect(dotenv.targets[1].vaultValue.reveal()).toBe(`postgres://app:${password}@db:5432/app?sslmode=require`)

    const auth = Buffer.from(`acme-bot:${hub}`).toString('base64')
    const docker = plan('.docker/config.json', `{"auths": {"https://index.docker.io/v1/": {"auth": "${auth}"}}}`)
    expect(docker.targets.map((t) => t.entry)).toEqual(['credential-pair'])
    expect(docker.targets[0].vaultValue.reveal()).toBe(`acme-bot:${hub}`)
    expect(JSON.stringify(docker.plan)).not.toContain(hub)
  })

  it('gives equal values one entry and merges keys that sit in one moved value', () => {
    const key = fakeKeyFor('openai-project-key')
    const other = fakeKeyFor('anthropic-api-key')
    const blob = Buffer.from(`A=${key}\nB=${other}\n`).toString('base64')
    const k8s = plan('k8s/secret.yaml', `apiVersion: v1\nkind: Secret\ndata:\n  env: ${blob}\n  again: ${Buffer.from(key).toString('base64')}\n`)
    // Both keys of the blob stand for its one encoded span: one finding, one edit, the whole decoded value stored.
    expect(k8s.scan.findings.length).toBe(2)
    expect(k8s.plan.edits.map((e) => [e.strategy, e.entry, e.findings.length])).toEqual([
      ['base64-placeholder', 'value', 1],
      ['base64-placeholder', 'secret', 1],
    ])
    expect(k8s.targets[0].vaultValue.reveal()).toBe(`A=${key}\nB=${other}\n`)
    const dotenv = plan('.env', `A=${key}\nB=${key}\n`)
    expect(dotenv.plan.edits.map((e) => e.placeholder)).toEqual(['outloop://acme/key-1', 'outloop://acme/key-1'])
  })

  it('marks a key file whose content all moved as a whole-file rewrite, and one with more in it as not', () => {
    const pem = fakeKeyFor('private-key')
    expect(plan('id_rsa', `${pem}\n`).plan.wholeFile).toBe(true)
    expect(plan('bundle.pem', `Bag Attributes\n${pem}\n`).plan.wholeFile).toBe(false)
  })

  it('uses the tool\'s own interpolation only where asked and only for tools that resolve ${VAR}', () => {
    const key = fakeKeyFor('openai-project-key')
    const compose = `services:\n  api:\n    environment:\n      OPENAI_API_KEY: ${key}\n`
    expect(plan('docker-compose.yml', compose).plan.edits[0].strategy).toBe('placeholder')
    const interpolated = plan('docker-compose.yml', compose, {interpolation: 'tool'}).plan.edits[0]
    expect(interpolated).toMatchObject({strategy: 'tool-interpolation', variable: 'OUTLOOP_ACME_KEY_1', replacement: '${OUTLOOP_ACME_KEY_1}', decodesTo: '${OUTLOOP_ACME_KEY_1}'})
    expect(interpolated.reason).toContain('docker compose resolves ${VAR} itself')
    // A plain YAML file has no such reader: the placeholder stays.
    expect(plan('config/app.yml', `key: ${key}\n`, {interpolation: 'tool'}).plan.edits[0].strategy).toBe('placeholder')
  })

  it('never shows a key in the plan, however it is printed', () => {
    const key = fakeKeyFor('openai-project-key')
    const uriPassword = fakeKeyFor('connection-uri-password')
    const {plan: p} = plan('.env', `A=${key}\nDB=mysql://root:${uriPassword}@db/shop\n`)
    expect(leaksIn(JSON.stringify(p) + inspect(p, {depth: 10}) + String(p.edits[0].vaultValue), [key, uriPassword])).toEqual([])
    expect(p.edits.map((e) => e.preview).every((preview) => preview.includes('…'))).toBe(true)
  })
})

describe('verifyRewrite', () => {
  const key = fakeKeyFor('openai-project-key')
  const text = `{\n  // settings\n  "apiKey": "${key}",\n  "model": "gpt-4o",\n}\n`
  const {plan: p} = plan('settings.json', text)
  const good = applyEdits(text, p.edits)

  it('passes the real rewrite', () => {
    expect(verifyRewrite('settings.json', text, good, p.edits)).toEqual({ok: true, format: 'json', problems: []})
  })

  it('catches a byte changed outside the edits and a value that changed', () => {
    const result = verifyRewrite('settings.json', text, good.replace('gpt-4o', 'gpt-4x'), p.edits)
    expect(result.ok).toBe(false)
    // The old value is missing where it was, and a value appeared that the rewrite did not plan.
    expect(result.problems.map((x) => x.check).sort()).toEqual(['bytes', 'values', 'values'])
    expect(result.problems.find((x) => x.check === 'bytes')).toMatchObject({line: 4})
  })

  it('catches a replacement that breaks the format', () => {
    const broken: RewriteEdit = {...p.edits[0], replacement: 'outloop://acme/"key-1'}
    const result = verifyRewrite('settings.json', text, applyEdits(text, [broken]), [broken])
    expect(result.problems.map((x) => x.check)).toContain('parse')
  })

  it('catches a rewrite that leaves the key readable, without quoting it', () => {
    const lazy: RewriteEdit = {...p.edits[0], replacement: key}
    const result = verifyRewrite('settings.json', text, applyEdits(text, [lazy]), [lazy])
    expect(result.problems.map((x) => x.check).sort()).toEqual(['decodes', 'decodes', 'rescan'])
    expect(leaksIn(JSON.stringify(result), [key])).toEqual([])
  })

  it('catches a base64 field that does not decode to its placeholder', () => {
    const k8s = `apiVersion: v1\nkind: Secret\ndata:\n  token: ${Buffer.from(key).toString('base64')}\n`
    const {plan: kp} = plan('secret.yaml', k8s)
    const wrong: RewriteEdit = {...kp.edits[0], replacement: Buffer.from('outloop://acme/other').toString('base64')}
    const result = verifyRewrite('secret.yaml', k8s, applyEdits(k8s, [wrong]), [wrong])
    expect(result.problems.map((x) => x.check)).toEqual(['decodes'])
  })
})
