// The loader-thread half of trace-modules.js: records each resolved module as a file path (or its URL when it
// isn't a file, as for node: builtins).
import {appendFileSync} from 'node:fs'
import {fileURLToPath} from 'node:url'

let out

/** Receives the output path from register(). */
export function initialize(data) {
  out = data.out
}

/** Records where each specifier resolved to, then hands the result on unchanged. */
export async function resolve(specifier, context, next) {
  const result = await next(specifier, context)
  appendFileSync(out, (result.url.startsWith('file:') ? fileURLToPath(result.url) : result.url) + '\n')
  return result
}
