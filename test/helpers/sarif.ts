import {createRequire} from 'node:module'

const require = createRequire(import.meta.url)

/**
 * Where the SARIF 2.1.0 schema comes from: @microsoft/jest-sarif (Microsoft's SARIF SDK for JavaScript, a
 * devDependency) ships the schema as published in SchemaStore, at 2.1.0-rtm.5. No npm package ships the OASIS
 * standard's final sarif-schema-2.1.0.json (checked: @microsoft/eslint-formatter-sarif, node-sarif-builder,
 * @microsoft/sarif-builder, @dev-build-deploy/sarif-it ship none; @types/sarif is types), so none is copied here.
 */
export const SARIF_SCHEMA_MODULE = '@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json'

type Validate = ((document: unknown) => boolean) & {errors?: unknown[] | null}
let compiled: Validate | null = null

/** The schema's problems with a SARIF document (draft-04, as the schema is written); empty when it is valid. */
export function sarifSchemaErrors(document: unknown): unknown[] {
  if (!compiled) {
    const Ajv = require('ajv-draft-04')
    const ajv = new Ajv({strict: false, unicodeRegExp: false})
    require('ajv-formats')(ajv)
    compiled = ajv.compile(require(SARIF_SCHEMA_MODULE)) as Validate
  }
  return compiled(document) ? [] : [...(compiled.errors ?? [])]
}
