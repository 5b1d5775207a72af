import {describe, expect, it} from 'vitest'
import {detectInText, RULES, ruleById} from '../../src/detectors/index.js'

describe('the rule registry', () => {
  it('has unique, kebab-case, sorted ids', () => {
    const ids = RULES.map((rule) => rule.id)
    expect(new Set(ids).size).toBe(ids.length)
    for (const id of ids) expect(id).toMatch(/^[a-z0-9]+(?:-[a-z0-9]+)+$|^jwt$/)
    expect(ids).toEqual([...ids].sort())
  })

  it('holds at least 45 rules and finds each by id', () => {
    expect(RULES.length).toBeGreaterThanOrEqual(45)
    for (const rule of RULES) expect(ruleById(rule.id)).toBe(rule)
    expect(ruleById('no-such-rule')).toBeUndefined()
  })

  it('gives every rule keywords, a description and a severity', () => {
    for (const rule of RULES) {
      expect(rule.keywords.length, rule.id).toBeGreaterThan(0)
      // Capitals make a keyword case-exact, which only a case-sensitive pattern may ask for.
      for (const keyword of rule.keywords) if (keyword !== keyword.toLowerCase()) expect(rule.pattern.flags, rule.id).not.toContain('i')
      expect(rule.description.length, rule.id).toBeGreaterThan(20)
      expect(['critical', 'high', 'medium', 'low'], rule.id).toContain(rule.severity)
    }
  })
})

describe.each(RULES.map((rule) => [rule.id, rule] as const))('rule %s', (id, rule) => {
  it('reports its own id in every example it must match', () => {
    const matches = rule.examples.matches()
    expect(matches.length).toBeGreaterThan(0)
    for (const text of matches) {
      const found = detectInText(text)
      expect(
        found.some((d) => d.ruleId === id),
        `${id} should match ${JSON.stringify(text)}; found ${JSON.stringify(found.map((d) => d.ruleId))}`,
      ).toBe(true)
    }
  })

  it('reports nothing of its own in its near-misses', () => {
    for (const text of rule.examples.nonMatches()) {
      const found = detectInText(text).filter((d) => d.ruleId === id)
      expect(found, `${id} should not match ${JSON.stringify(text)}`).toEqual([])
    }
  })

  it('generates a different fake each time', () => {
    expect(rule.fake()).not.toBe(rule.fake())
  })
})
