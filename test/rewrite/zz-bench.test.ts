import {describe, expect, it} from 'vitest'
import {applyEdits, planFileRewrite, verifyRewrite} from '../../src/rewrite/index.js'
import {scanFileText} from '../../src/scan/file-scan.js'
import {detectableFake} from './plant.js'

/** One file of each common kind holding one key, so the benchmark mixes the cheap and the costly formats. */
function fileWith(n: number): {relPath: string; text: string} {
  const key = detectableFake(['openai-project-key', 'anthropic-api-key', 'github-pat', 'slack-bot-token'][n % 4])
  const filler = Array.from({length: 20}, (_v, i) => `SETTING_${i}=value-${i}`).join('\n')
  switch (n % 5) {
    case 0:
      return {relPath: `c${n}/.env`, text: `# client ${n}\n${filler}\nAPI_KEY="${key}"\n`}
    case 1:
      return {relPath: `c${n}/docker-compose.yml`, text: `services:\n  api:\n    image: acme/api\n    environment:\n      API_KEY: ${key}\n      MODE: prod\n`}
    case 2:
      return {relPath: `c${n}/.mcp.json`, text: `{\n  "mcpServers": {\n    "x": {"command": "npx", "args": ["-y", "x"], "env": {"API_KEY": "${key}"}}\n  }\n}\n`}
    case 3:
      return {relPath: `c${n}/k8s/secret.yaml`, text: `apiVersion: v1\nkind: Secret\ndata:\n  key: ${Buffer.from(key).toString('base64')}\n`}
    default:
      return {relPath: `c${n}/notes/setup.md`, text: `# Setup\n\nThe key is \`${key}\`.\n\n${filler}\n`}
  }
}

describe('rewrite benchmark', () => {
  it('plans, applies and verifies 2,000 one-key files', () => {
    const files = Array.from({length: 2000}, (_v, n) => fileWith(n))
    const scans = files.map((f) => scanFileText(f.relPath, f.text))
    const started = performance.now()
    let edits = 0
    let planMs = 0
    let verifyMs = 0
    for (let i = 0; i < files.length; i++) {
      const {relPath, text} = files[i]
      const t0 = performance.now()
      const plan = planFileRewrite(relPath, text, scans[i].findings, {placeholderFor: () => `outloop://c${i}/api-key`})
      const after = applyEdits(text, plan.edits, relPath)
      const t1 = performance.now()
      const verification = verifyRewrite(relPath, text, after, plan.edits)
      verifyMs += performance.now() - t1
      planMs += t1 - t0
      expect(verification.ok).toBe(true)
      edits += plan.edits.length
    }
    const total = performance.now() - started
    console.error(`rewrite bench: ${files.length} files, ${edits} edits: plan+apply ${planMs.toFixed(0)} ms, verify ${verifyMs.toFixed(0)} ms, total ${total.toFixed(0)} ms`)
    expect(edits).toBe(2000)
    // Generous: the point is the number in the log; this only catches a quadratic regression.
    expect(total).toBeLessThan(30_000)
  })
})
