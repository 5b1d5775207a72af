import {describe, expect, it} from 'vitest'

import {randomBytes} from 'node:crypto'

import {baseUrlFixEdit, baseUrlOverrideWarning, baseUrlVariables, findBaseUrlOverrides, isDotenvPath, withBaseUrlFixes} from '../../src/plan/base-urls.js'
import {buildMigrationPlan} from '../../src/plan/migration-plan.js'
import {renderMigrationPlanText} from '../../src/plan/render.js'
import {SERVICE_PRESETS} from '../../src/policy/presets.js'
import {applyEdits, revertEdits, verifyRewrite} from '../../src/rewrite/index.js'
import {scanFileText} from '../../src/scan/file-scan.js'
import {detectableFake} from '../rewrite/plant.js'

const variables = baseUrlVariables(SERVICE_PRESETS)

describe('hard-coded provider base URLs in dotenv files', () => {
  it('finds each line that fixes a base URL outloop run sets, in every dotenv spelling, and nothing else', () => {
    const text = [
      '# keys',
      'OPENAI_BASE_URL=https://api.openai.com/v1',
      'export ANTHROPIC_BASE_URL="https://api.anthropic.com"  # prod',
      "GEMINI_BASE_URL='http://10.0.0.5:8080'\r",
      'OPENROUTER_BASE_URL=${OUTLOOP_OPENROUTER_URL}',
      'MISTRAL_BASE_URL=',
      'MY_BASE_URL=https://example.com',
      '#OPENAI_BASE_URL=https://api.openai.com/v1',
    ].join('\n')
    expect(findBaseUrlOverrides('acme/.env', text, variables).map((o) => `${o.line} ${o.variable} ${o.service}`)).toEqual(['2 OPENAI_BASE_URL openai', '3 ANTHROPIC_BASE_URL anthropic', '4 GEMINI_BASE_URL gemini'])
    expect(findBaseUrlOverrides('acme/config.yaml', text, variables)).toEqual([])
  })

  it('knows dotenv paths, and says where without ever quoting the URL (it may hold credentials)', () => {
    expect(['.env', 'acme/.env.local', 'acme/prod.env'].map(isDotenvPath)).toEqual([true, true, true])
    expect(['acme/env.txt', 'acme/.envrc', 'acme/.env/x'].map(isDotenvPath)).toEqual([false, false, false])
    const [o] = findBaseUrlOverrides('acme/.env', 'OPENAI_BASE_URL=https://user:pw-in-url@proxy.example/v1\n', variables)
    const warning = baseUrlOverrideWarning(o)
    expect(warning).toContain('acme/.env:1 sets OPENAI_BASE_URL to a fixed URL')
    expect(warning).not.toContain('pw-in-url')
  })

  it('comments a flagged line out in place: the file still parses, every other byte and value kept, reverted byte for byte', () => {
    const text = "A=1\r\nexport ANTHROPIC_BASE_URL='https://user:pw-in-url@proxy.example'\r\nB=2\nOPENAI_BASE_URL=https://api.openai.com/v1"
    const edits = findBaseUrlOverrides('acme/.env', text, variables).map((o) => baseUrlFixEdit(text, o))
    const after = applyEdits(text, edits, 'acme/.env')
    expect(after).toBe("A=1\r\n# export ANTHROPIC_BASE_URL='https://user:pw-in-url@proxy.example' (outloop run sets this)\r\nB=2\n# OPENAI_BASE_URL=https://api.openai.com/v1 (outloop run sets this)")
    expect(verifyRewrite('acme/.env', text, after, edits)).toEqual({ok: true, format: 'dotenv', problems: []})
    expect(findBaseUrlOverrides('acme/.env', after, variables)).toEqual([])
    expect(revertEdits(after, edits, 'acme/.env')).toBe(text)
    // What the plan shows of it names the variable only.
    for (const e of edits) expect(`${e.preview} ${e.decodesTo} ${e.reason}`).not.toContain('pw-in-url')
  })

  it("joins the file's planned rewrite when the key is in the same .env, and is a file of its own otherwise", () => {
    const key = randomBytes(32)
    const openai = detectableFake('openai-project-key')
    const acme = `OPENAI_API_KEY=${openai}\nOPENAI_BASE_URL=https://api.openai.com/v1\n`
    const globex = 'ANTHROPIC_BASE_URL=https://api.anthropic.com\n'
    const plan = buildMigrationPlan({files: [{relPath: 'acme/.env', tenant: 'acme', text: acme, findings: scanFileText('acme/.env', acme).findings}], fingerprintKey: key})
    const baseUrls = [...findBaseUrlOverrides('acme/.env', acme, variables), ...findBaseUrlOverrides('globex/.env', globex, variables)]
    const fixed = withBaseUrlFixes({...plan, baseUrls}, [{relPath: 'acme/.env', tenant: 'acme', text: acme}, {relPath: 'globex/.env', tenant: 'globex', text: globex}], key)
    expect(fixed.files.map((f) => [f.relPath, f.tenant, f.edits.map((e) => e.strategy)])).toEqual([
      ['acme/.env', 'acme', ['placeholder', 'comment-out']],
      ['globex/.env', 'globex', ['comment-out']],
    ])
    // Nothing new to vault: the entries are the key's alone.
    expect(fixed.entries.map((e) => e.placeholder)).toEqual(['outloop://acme/openai-api-key'])
    const after = applyEdits(acme, fixed.files[0].edits, 'acme/.env')
    expect(after).toBe('OPENAI_API_KEY=outloop://acme/openai-api-key\n# OPENAI_BASE_URL=https://api.openai.com/v1 (outloop run sets this)\n')
    expect(verifyRewrite('acme/.env', acme, after, fixed.files[0].edits).ok).toBe(true)
    const text = renderMigrationPlanText(fixed)
    expect(text).toContain('acme/.env:2: OPENAI_BASE_URL commented out')
    expect(text).not.toContain(openai)
  })
})
