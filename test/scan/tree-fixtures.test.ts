import {cpSync, existsSync, readFileSync, readdirSync, statSync, writeFileSync} from 'node:fs'
import {join} from 'node:path'
import {describe, expect, it} from 'vitest'

import {fakeKeyFor} from '../helpers/fakes.js'
import {expectNoSecrets, makeTempDir, REPO_ROOT} from '../helpers/tree.js'
import {scanTree} from '../../src/services/scan.js'

const FIXTURES = join(REPO_ROOT, 'test', 'fixtures', 'trees')
/** `@@rule-id:label@@`: one generated key per (rule, label), so equal labels plant equal values. */
const TOKEN = /@@([a-z0-9-]+):([A-Za-z0-9]+)@@/g

function listFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name)
    return statSync(path).isDirectory() ? listFiles(path) : [path]
  })
}

/** Copies a fixture's input to a temp folder with every token replaced by a freshly generated key. */
function plantFixture(input: string, target: string): string[] {
  cpSync(input, target, {recursive: true})
  const keys = new Map<string, string>()
  for (const file of listFiles(target)) {
    const text = readFileSync(file, 'utf8')
    if (!text.includes('@@')) continue
    writeFileSync(
      file,
      text.replace(TOKEN, (_m, rule: string, label: string) => {
        const id = `${rule}:${label}`
        if (!keys.has(id)) keys.set(id, fakeKeyFor(rule))
        return keys.get(id) as string
      }),
    )
  }
  return [...keys.values()]
}

describe('tree fixtures', () => {
  for (const name of readdirSync(FIXTURES).sort()) {
    it(`${name}: reports what expected.json says`, async () => {
      const tmp = makeTempDir()
      try {
        const root = join(tmp.dir, 'clients')
        const planted = plantFixture(join(FIXTURES, name, 'input'), root)
        const report = await scanTree({root, home: join(tmp.dir, 'state'), threads: 1})
        const actual = {
          findings: report.findings.map((f) => `${f.file}:${f.line}:${f.column} ${f.rule} ${f.tenant ?? f.area ?? '-'} ${f.name ?? '-'}`),
          secrets: report.secrets.map((s) => `${s.rule} tenants=${s.tenants.join(',') || '-'} areas=${s.areas.join(',') || '-'} owner=${s.owner ?? '-'} x${s.occurrences.length}`),
          risks: report.risks.map((r) => `${r.type} ${r.tenant ?? '-'} owner=${r.owner ?? '-'} ${r.files.join(',')}`),
          tenants: report.tenants.map((t) => `${t.tenant} keys=${t.keys} unique=${t.unique} duplicated=${t.duplicated} crossClient=${t.crossClient} foreign=${t.foreign}`),
          complete: report.complete,
        }
        const expectedFile = join(FIXTURES, name, 'expected.json')
        if (process.env.OUTLOOP_UPDATE_FIXTURES === '1') writeFileSync(expectedFile, JSON.stringify(actual, null, 2) + '\n')
        expect(existsSync(expectedFile), `${name}/expected.json is missing (OUTLOOP_UPDATE_FIXTURES=1 writes it)`).toBe(true)
        expect(actual).toEqual(JSON.parse(readFileSync(expectedFile, 'utf8')))
        expectNoSecrets(JSON.stringify(report), planted)
      } finally {
        tmp.cleanup()
      }
    })
  }
})
