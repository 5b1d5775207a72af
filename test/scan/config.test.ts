import {describe, expect, it} from 'vitest'

import {UserError} from '../../src/lib/errors.js'
import {parseScanConfig} from '../../src/scan/config-parse.js'
import {EMPTY_CONFIG, parseByteSize} from '../../src/scan/config.js'
import {placePath, tenantNameFromFolder} from '../../src/scan/tenants.js'

describe('outloop.yaml', () => {
  it('reads tenants, shared areas, ignores and size', () => {
    const config = parseScanConfig('tenants:\n  Acme Corp: acme\nshared: [library]\nignore:\n  - "**/*.log"\nmaxFileSize: 2MB\ndefaultIgnores: false\n')
    expect(config).toEqual({tenants: {'Acme Corp': 'acme'}, shared: ['library'], ignore: ['**/*.log'], maxFileSize: 2 * 1024 * 1024, useDefaultIgnores: false})
  })

  it('treats an empty file as no settings', () => {
    expect(parseScanConfig('')).toEqual(EMPTY_CONFIG)
    expect(parseScanConfig('# nothing\n')).toEqual(EMPTY_CONFIG)
  })

  it.each([
    ['tenants: [a]\n', /outloop\.yaml:1:10: tenants: expected a mapping/],
    ['tenants:\n  acme: Not Valid\n', /outloop\.yaml:2:9: tenants: a tenant name/],
    ['shared: library\n', /outloop\.yaml:1:9: shared: expected a list/],
    ['colour: red\n', /outloop\.yaml:1:1: unknown setting "colour"/],
    ['maxFileSize: lots\n', /outloop\.yaml:1:14: maxFileSize: expected a size/],
  ])('names line and column of a mistake: %j', (text, message) => {
    expect(() => parseScanConfig(text)).toThrow(UserError)
    expect(() => parseScanConfig(text)).toThrow(message)
  })

  it('reports invalid YAML by position without quoting the file', () => {
    const marker = 'zq-planted-marker-77'
    let thrown: unknown
    try {
      parseScanConfig(`ignore:\n  - "${marker}\n  bad: [\n`)
    } catch (error) {
      thrown = error
    }
    expect(thrown).toBeInstanceOf(UserError)
    expect((thrown as Error).message).toMatch(/^outloop\.yaml:\d+:\d+: not valid YAML/)
    expect((thrown as Error).message).not.toContain(marker)
  })

  it('refuses a config nested too deep to compose, by position, instead of overflowing the stack', () => {
    for (const text of [`ignore: ${'['.repeat(300)}`, `ignore:\n${'- '.repeat(300)}x\n`]) {
      expect(() => parseScanConfig(text)).toThrow(UserError)
      expect(() => parseScanConfig(text)).toThrow(/^outloop\.yaml:[12]:\d+: not valid YAML \(nesting too deep\)/)
    }
  })

  it('parses sizes', () => {
    expect(parseByteSize('512')).toBe(512)
    expect(parseByteSize('1k')).toBe(1024)
    expect(parseByteSize('1.5MB')).toBe(1.5 * 1024 * 1024)
    expect(parseByteSize('2 GiB')).toBe(2 * 1024 ** 3)
    expect(parseByteSize('big')).toBeNull()
  })
})

describe('tenancy', () => {
  it('makes each top-level folder a tenant and _/. folders shared areas', () => {
    expect(placePath('acme/.env', EMPTY_CONFIG)).toEqual({tenant: 'acme', area: null})
    expect(placePath('acme/skills/x/SKILL.md', EMPTY_CONFIG)).toEqual({tenant: 'acme', area: null})
    expect(placePath('_templates/.env', EMPTY_CONFIG)).toEqual({tenant: null, area: '_templates'})
    expect(placePath('.shared/notes.md', EMPTY_CONFIG)).toEqual({tenant: null, area: '.shared'})
    expect(placePath('README.md', EMPTY_CONFIG)).toEqual({tenant: null, area: null})
  })

  it('honours outloop.yaml names and shared areas', () => {
    const config = parseScanConfig('tenants:\n  Acme Corp: acme\nshared: [library]\n')
    expect(placePath('Acme Corp/.env', config)).toEqual({tenant: 'acme', area: null})
    expect(placePath('library/skill.md', config)).toEqual({tenant: null, area: 'library'})
  })

  it('derives valid tenant names from folder names', () => {
    expect(tenantNameFromFolder('Globex Corporation')).toBe('globex-corporation')
    expect(tenantNameFromFolder('ACME')).toBe('acme')
    expect(tenantNameFromFolder('--x')).toBe('x')
    expect(tenantNameFromFolder('!!!')).toBe('unnamed')
  })
})
