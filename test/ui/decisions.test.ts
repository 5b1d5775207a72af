import {randomBytes} from 'node:crypto'
import {describe, expect, it} from 'vitest'

import {applyMigrationDecisions} from '../../src/plan/decisions.js'
import {buildMigrationPlan, type MigrationSourceFile} from '../../src/plan/migration-plan.js'
import {applyEdits, verifyRewrite} from '../../src/rewrite/index.js'
import {scanFileText} from '../../src/scan/file-scan.js'
import {detectableFake} from '../rewrite/plant.js'

const KEY = randomBytes(32)

function source(relPath: string, text: string): MigrationSourceFile {
  return {relPath, tenant: relPath.split('/')[0], text, findings: scanFileText(relPath, text).findings}
}

describe('migration decisions', () => {
  const openai = detectableFake('openai-project-key')
  const stripe = detectableFake('stripe-secret-key')
  const texts: Record<string, string> = {
    'acme/.env': `OPENAI_API_KEY=${openai}\nSTRIPE_SECRET_KEY="${stripe}"\n`,
    'acme/compose.yaml': `services:\n  app:\n    environment:\n      OPENAI_API_KEY: ${openai}\n`,
    'globex/.env': `API_KEY=${openai}\n`,
  }
  const files = Object.entries(texts).map(([p, t]) => source(p, t))
  const plan = buildMigrationPlan({files, fingerprintKey: KEY})
  const shared = plan.entries.find((e) => e.placeholder === 'outloop://acme/openai-api-key')!

  it('changes nothing without decisions', () => {
    expect(applyMigrationDecisions(plan, {})).toEqual(plan)
  })

  it('leaves unchosen clients out, listing their files as left in place', () => {
    const out = applyMigrationDecisions(plan, {tenants: ['acme']})
    expect(out.tenants).toEqual(['acme'])
    expect(out.entries.every((e) => e.ref.tenant === 'acme')).toBe(true)
    expect(out.skipped.map((s) => s.relPath)).toEqual(['globex/.env'])
  })

  it('keeps a shared key for its owner only, or skips it everywhere, dropping only those edits', () => {
    const owner = applyMigrationDecisions(plan, {choices: {[shared.fingerprint]: {choice: 'owner-only', owner: 'acme'}}})
    expect(owner.entries.map((e) => e.placeholder)).toEqual(['outloop://acme/openai-api-key', 'outloop://acme/stripe-secret-key'])
    expect(owner.files.map((f) => f.relPath)).toEqual(['acme/.env', 'acme/compose.yaml'])
    const skip = applyMigrationDecisions(plan, {choices: {[shared.fingerprint]: {choice: 'skip'}}})
    expect(skip.entries.map((e) => e.placeholder)).toEqual(['outloop://acme/stripe-secret-key'])
    const env = skip.files.find((f) => f.relPath === 'acme/.env')!
    expect(env.edits.map((e) => e.placeholder)).toEqual(['outloop://acme/stripe-secret-key'])
    // The remaining edits still verify against the original text: the other key stays as it was.
    const after = applyEdits(texts['acme/.env'], env.edits, 'acme/.env')
    expect(after).toContain(openai)
    expect(verifyRewrite('acme/.env', texts['acme/.env'], after, env.edits).ok).toBe(true)
  })

  it('renames an entry in the vault plan and in every edit, and the rewrite still verifies', () => {
    const out = applyMigrationDecisions(plan, {renames: {'outloop://acme/openai-api-key': 'openai-main'}})
    expect(out.entries.map((e) => e.placeholder)).toContain('outloop://acme/openai-main')
    expect(out.entries.map((e) => e.placeholder)).not.toContain('outloop://acme/openai-api-key')
    for (const file of out.files.filter((f) => f.tenant === 'acme')) {
      const after = applyEdits(texts[file.relPath], file.edits, file.relPath)
      expect(after).toContain('outloop://acme/openai-main')
      expect(after).not.toContain(openai)
      expect(verifyRewrite(file.relPath, texts[file.relPath], after, file.edits).ok).toBe(true)
    }
    expect(plan.entries.map((e) => e.placeholder)).toContain('outloop://acme/openai-api-key')
  })

  it('refuses an invalid name or one another key already has', () => {
    expect(() => applyMigrationDecisions(plan, {renames: {'outloop://acme/openai-api-key': 'Bad Name'}})).toThrow(/not a valid entry name/)
    expect(() => applyMigrationDecisions(plan, {renames: {'outloop://acme/openai-api-key': 'stripe-secret-key'}})).toThrow(/already planned/)
  })
})
