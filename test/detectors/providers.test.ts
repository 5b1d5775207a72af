import {readdirSync, readFileSync} from 'node:fs'
import {join} from 'node:path'
import {pathToFileURL} from 'node:url'
import {describe, expect, it} from 'vitest'

import {detectInText} from '../../src/detectors/engine.js'
import {RULES} from '../../src/detectors/registry.js'
import {PROVIDER_RULES} from '../../src/detectors/rules/providers/index.js'
import {PROVIDER_SERVICES} from '../../src/detectors/rules/providers/services.js'
import type {ProviderService, Rule} from '../../src/detectors/types.js'
import {lineIndex, positionAt} from '../../src/formats/position.js'
import {SERVICE_PRESETS} from '../../src/policy/presets.js'
import {REPO_ROOT} from '../helpers/tree.js'

const ROUNDS = 5
const DIR = join(REPO_ROOT, 'src/detectors/rules/providers')
const GENERATED = new Set(['index.ts', 'services.ts'])
const FILES = readdirSync(DIR).filter((name) => name.endsWith('.ts') && !GENERATED.has(name)).sort()

interface ProviderModule {
  readonly file: string
  readonly rules: readonly Rule[]
  readonly service?: ProviderService
}

/** Every provider module, imported from its own file (not through the index, which is what is checked). */
const MODULES: ProviderModule[] = await Promise.all(
  FILES.map(async (file) => {
    const exports = (await import(pathToFileURL(join(DIR, file)).href)) as Record<string, unknown>
    const rules = Object.entries(exports).filter(([name]) => name.endsWith('_RULES')).map(([, value]) => value as readonly Rule[])
    const service = Object.entries(exports).find(([name]) => name.endsWith('_SERVICE'))?.[1] as ProviderService | undefined
    return {file, rules: rules.flat(), ...(service ? {service} : {})}
  }),
)
const moduleOf = new Map(MODULES.flatMap((module) => module.rules.map((rule) => [rule.id, module.file] as const)))

/**
 * Rules that rightly fire on another module's examples. A Google Chat webhook URL carries a Google API key as its
 * `key=` parameter; both are reported.
 */
const KNOWN_OVERLAPS: Readonly<Record<string, readonly string[]>> = {'google-api-key': ['google-chat.ts']}
/** ElevenLabs' keys start with no more than `sk_`, so its rule may use that shared prefix as a keyword. */
const SHARED_PREFIX_KEYWORD = new Set(['elevenlabs-api-key'])

/** Every rule's own examples, one per line, made once, each line with the file of the module it came from. */
const EXAMPLE_LINES = RULES.flatMap((rule) => rule.examples.matches().flatMap((text) => text.split('\n').map((line) => ({line, owner: moduleOf.get(rule.id) ?? null}))))
const EXAMPLES = EXAMPLE_LINES.map((entry) => entry.line).join('\n')
const EXAMPLES_INDEX = lineIndex(EXAMPLES)

/** The module whose example holds offset `at` of EXAMPLES (null: a rule outside providers/). */
function exampleOwner(at: number): string | null {
  return EXAMPLE_LINES[positionAt(EXAMPLES_INDEX, at).line - 1].owner
}

describe('provider modules (one file each)', () => {
  it('are all in the index, which lists them sorted by file', () => {
    const index = readFileSync(join(DIR, 'index.ts'), 'utf8')
    const imported = [...index.matchAll(/from '\.\/([a-z0-9-]+)\.js'/g)].map((m) => `${m[1]}.ts`)
    expect(imported).toEqual(FILES)
    const fromFiles = MODULES.flatMap((module) => module.rules.map((rule) => rule.id)).sort()
    expect(PROVIDER_RULES.map((rule) => rule.id)).toEqual(fromFiles)
  })

  it('give rules sorted by id, with unique kebab-case ids', () => {
    const ids = PROVIDER_RULES.map((rule) => rule.id)
    expect(ids).toEqual([...ids].sort())
    expect(new Set(ids).size).toBe(ids.length)
    for (const id of ids) expect(id).toMatch(/^[a-z0-9]+(?:-[a-z0-9]+)+$/)
  })

  it('each hold one provider, which no other module holds', () => {
    const owner = new Map<string, string>()
    const clashes: string[] = []
    for (const module of MODULES) {
      expect(module.rules.length, module.file).toBeGreaterThan(0)
      const providers = new Set(module.rules.map((rule) => rule.provider))
      expect([...providers], module.file).toHaveLength(1)
      const [provider] = providers
      if (owner.has(provider)) clashes.push(`${provider}: ${owner.get(provider)} and ${module.file}`)
      owner.set(provider, module.file)
    }
    // Nor a rule outside providers/ (generic shapes) under a provider's name.
    for (const rule of RULES) if (!moduleOf.has(rule.id) && owner.has(rule.provider)) clashes.push(`${rule.provider}: ${rule.id} outside providers/`)
    expect(clashes).toEqual([])
  })

  it('carry the broker\'s service presets, every one listed in services.ts and presets.ts', () => {
    const withService = MODULES.filter((module) => module.service)
    expect(PROVIDER_SERVICES.map((entry) => entry.service)).toEqual(withService.map((module) => module.service))
    expect(PROVIDER_SERVICES.map((entry) => entry.rules)).toEqual(withService.map((module) => module.rules))
    const names = SERVICE_PRESETS.map((preset) => preset.name)
    expect(names).toEqual([...new Set(names)].sort())
    expect(names.sort()).toEqual(withService.map((module) => module.service!.preset.name).sort())
  })

  it('have lower-case literal keywords, none of them a bare common word', () => {
    for (const rule of PROVIDER_RULES) {
      expect(rule.keywords.length, rule.id).toBeGreaterThan(0)
      for (const keyword of rule.keywords) {
        if (keyword !== keyword.toLowerCase()) expect(rule.pattern.flags, rule.id).not.toContain('i')
        expect(['key', 'api', 'token', 'secret', 'password', ...(SHARED_PREFIX_KEYWORD.has(rule.id) ? [] : ['sk-', 'sk_'])], rule.id).not.toContain(keyword)
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

      it('does not fire on other modules\' own examples', () => {
        const mine = moduleOf.get(rule.id)
        const found = detectInText(EXAMPLES, [rule])
          .filter((d) => {
            const owner = exampleOwner(d.start)
            return owner !== mine && !(owner !== null && KNOWN_OVERLAPS[rule.id]?.includes(owner))
          })
          .map((d) => EXAMPLES.slice(d.start - 40, d.end + 10))
        expect(found, `${rule.id} on other rules' examples`).toEqual([])
      })
    })
  }
})
