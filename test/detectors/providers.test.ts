import {describe, expect, it} from 'vitest'

import {detectInText} from '../../src/detectors/engine.js'
import {RULES} from '../../src/detectors/registry.js'
import {PROVIDER_RULES} from '../../src/detectors/rules/providers/index.js'

const ROUNDS = 5
const providerIds = new Set(PROVIDER_RULES.map((rule) => rule.id))
const OTHER_RULES = RULES.filter((rule) => !providerIds.has(rule.id))
/** Every other rule's own examples, one per line, made once: a provider rule must stay quiet on all of them. */
const OTHER_EXAMPLES = OTHER_RULES.flatMap((rule) => rule.examples.matches()).join('\n')

describe('provider rules (one file each)', () => {
  it('are sorted by id, with unique kebab-case ids', () => {
    const ids = PROVIDER_RULES.map((rule) => rule.id)
    expect(ids).toEqual([...ids].sort())
    expect(new Set(ids).size).toBe(ids.length)
    for (const id of ids) expect(id).toMatch(/^[a-z0-9]+(?:-[a-z0-9]+)+$/)
  })

  it('add providers the other rules do not cover', () => {
    const covered = new Set(OTHER_RULES.map((rule) => rule.provider))
    const added = [...new Set(PROVIDER_RULES.map((rule) => rule.provider))]
    expect(added.filter((provider) => covered.has(provider))).toEqual([])
  })

  it('have lower-case literal keywords, none of them a bare common word', () => {
    for (const rule of PROVIDER_RULES) {
      expect(rule.keywords.length, rule.id).toBeGreaterThan(0)
      for (const keyword of rule.keywords) {
        if (keyword !== keyword.toLowerCase()) expect(rule.pattern.flags, rule.id).not.toContain('i')
        expect(['key', 'api', 'token', 'secret', 'password', 'sk-', 'sk_'], rule.id).not.toContain(keyword)
      }
    }
  })

  for (const rule of PROVIDER_RULES) {
    describe(rule.id, () => {
      it('reports its own examples among every rule', () => {
        for (let round = 0; round < ROUNDS; round++) {
          for (const text of rule.examples.matches()) {
            expect(detectInText(text).map((d) => d.ruleId), `${rule.id} on ${JSON.stringify(text)}`).toContain(rule.id)
          }
        }
      })

      it('reports nothing on its near-misses', () => {
        for (let round = 0; round < ROUNDS; round++) {
          for (const text of rule.examples.nonMatches()) {
            expect(detectInText(text, [rule]).map((d) => d.ruleId), `${rule.id} on ${JSON.stringify(text)}`).toEqual([])
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

      it('does not fire on the other rules\' own examples', () => {
        const found = detectInText(OTHER_EXAMPLES, [rule]).map((d) => OTHER_EXAMPLES.slice(d.start - 40, d.end + 10))
        expect(found, `${rule.id} on other rules' examples`).toEqual([])
      })
    })
  }
})
