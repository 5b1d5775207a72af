import {describe, expect, it} from 'vitest'

import {detectInText, detectInValue} from '../../src/detectors/engine.js'
import {LONGTAIL_RULES} from '../../src/detectors/rules/longtail/index.js'
import {providerName} from '../../src/detectors/rules/longtail/shape.js'

const ROUNDS = 5

describe('long-tail rules', () => {
  it('are sorted by id, with unique kebab-case ids', () => {
    const ids = LONGTAIL_RULES.map((rule) => rule.id)
    expect(ids).toEqual([...ids].sort())
    expect(new Set(ids).size).toBe(ids.length)
    for (const id of ids) expect(id).toMatch(/^[a-z0-9]+(?:-[a-z0-9]+)+$/)
  })

  it('have lower-case literal keywords, none of them a bare common word', () => {
    for (const rule of LONGTAIL_RULES) {
      expect(rule.keywords.length, rule.id).toBeGreaterThan(0)
      for (const keyword of rule.keywords) {
        // Capitals make a keyword case-exact, which only a case-sensitive pattern may ask for.
        if (keyword !== keyword.toLowerCase()) expect(rule.pattern.flags, rule.id).not.toContain('i')
        expect(['key', 'api', 'token', 'secret', 'password'], rule.id).not.toContain(keyword)
      }
    }
  })

  for (const rule of LONGTAIL_RULES) {
    describe(rule.id, () => {
      it('reports its own examples', () => {
        for (let round = 0; round < ROUNDS; round++) {
          for (const text of rule.examples.matches()) {
            const ids = detectInText(text, LONGTAIL_RULES).map((d) => d.ruleId)
            expect(ids, `${rule.id} on a generated example`).toContain(rule.id)
          }
        }
      })

      it('reports nothing on its near-misses', () => {
        for (let round = 0; round < ROUNDS; round++) {
          for (const text of rule.examples.nonMatches()) {
            const ids = detectInText(text, [rule]).map((d) => d.ruleId)
            expect(ids, `${rule.id} on a generated near-miss`).toEqual([])
          }
        }
      })

      it('finds the whole fake and nothing more', () => {
        const fake = rule.fake()
        const text = rule.examples.matches()[0]
        const detection = detectInText(text, [rule])[0]
        expect(detection).toBeDefined()
        expect(text.slice(detection.start, detection.end).length).toBe(fake.length)
      })
    })
  }
})

describe('name rules', () => {
  it('recognise the provider as a word of the name, in any case or style', () => {
    const datadog = providerName('datadog')
    for (const name of ['DATADOG_API_KEY', 'datadogApiKey', 'myDatadogKey', 'datadog.api_key', 'DatadogToken']) {
      expect(datadog.test(name), name).toBe(true)
    }
  })

  it('do not take the provider word out of a longer word', () => {
    expect(providerName('meraki').test('ReactNativeCameraKit')).toBe(false)
    expect(providerName('etsy').test('setSysctl')).toBe(false)
    expect(providerName('okta').test('rookTable')).toBe(false)
    expect(providerName('sumo(?:[_.-]?logic)?').test('sumObj')).toBe(false)
  })

  it('find a named value handed over by a format parser', () => {
    const rule = LONGTAIL_RULES.find((r) => r.id === 'zendesk-secret-key')!
    const value = rule.fake()
    const found = detectInValue(value, 'zendesk_api_token', LONGTAIL_RULES)
    expect(found.map((d) => d.ruleId)).toContain('zendesk-secret-key')
    expect(detectInValue(value, 'unrelated', [rule])).toEqual([])
  })
})

describe('multi-line rules', () => {
  it('find a Kubernetes Secret value whichever comes first, kind or data', () => {
    const rule = LONGTAIL_RULES.find((r) => r.id === 'kubernetes-secret-data')!
    const value = rule.fake()
    const dataFirst = `apiVersion: v1\ndata:\n  # base64\n  password: ${value}\nkind: Secret\n`
    const kindFirst = `apiVersion: v1\nkind: Secret\nmetadata:\n  name: x\ndata:\n  .dockercfg: |\n    ${value}\n`
    for (const text of [dataFirst, kindFirst]) {
      const [detection] = detectInText(text, [rule])
      expect(detection && text.slice(detection.start, detection.end)).toBe(value)
    }
  })

  it('do not take a Secret kind from another YAML document', () => {
    const rule = LONGTAIL_RULES.find((r) => r.id === 'kubernetes-secret-data')!
    const text = `apiVersion: v1\nkind: Secret\nmetadata:\n  name: a\n---\napiVersion: v1\nkind: ConfigMap\ndata:\n  blob: ${rule.fake()}\n`
    expect(detectInText(text, [rule])).toEqual([])
  })

  it('follow a curl command over continuation lines', () => {
    const rule = LONGTAIL_RULES.find((r) => r.id === 'curl-user-password')!
    const pair = rule.fake()
    const text = `curl -X POST https://example.net \\\n  -H 'Accept: */*' \\\n  -u ${pair}\n`
    const [detection] = detectInText(text, [rule])
    expect(detection && text.slice(detection.start, detection.end)).toBe(pair)
    expect(detectInText(`curl https://example.net\nnc -u ${pair}\n`, [rule])).toEqual([])
  })
})
