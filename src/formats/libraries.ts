import {createRequire} from 'node:module'
import type * as Jsonc from 'jsonc-parser'
import type * as Yaml from 'yaml'

// The parser libraries load with the first file that needs them, not with the formats: a pre-commit check of
// a few source files needs neither, and the yaml library alone is 70 modules. Both are CommonJS packages whose
// import resolves to the same file as require does, so this is the one instance any `import 'yaml'` gets too.
const require = createRequire(import.meta.url)
let yaml: typeof Yaml | undefined
let jsonc: typeof Jsonc | undefined

/** The yaml library, loaded on first use. */
export function yamlLibrary(): typeof Yaml {
  yaml ??= require('yaml') as typeof Yaml
  return yaml
}

/** The jsonc-parser library, loaded on first use. */
export function jsoncLibrary(): typeof Jsonc {
  jsonc ??= require('jsonc-parser') as typeof Jsonc
  return jsonc
}
