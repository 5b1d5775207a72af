import {describe, expect, it} from 'vitest'

import {baseUrlOverrideWarning, baseUrlVariables, findBaseUrlOverrides, isDotenvPath} from '../../src/plan/base-urls.js'
import {SERVICE_PRESETS} from '../../src/policy/presets.js'

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
})
