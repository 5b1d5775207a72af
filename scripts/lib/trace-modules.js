// Preload for `node --import ./scripts/lib/trace-modules.js`: appends the path of every module the process
// loads to the file named by OUTLOOP_TRACE_MODULES, one a line (duplicates possible). ES modules are seen by
// a resolve hook, which runs on the loader thread and writes before the module is evaluated; CommonJS
// modules (oclif, react) are read from require.cache when the process exits, since Node 20's hooks don't see
// require() calls made inside CommonJS code. Used by scripts/bench-startup.js and test/commands/startup.test.ts.
import {appendFileSync} from 'node:fs'
import {createRequire, register} from 'node:module'

const out = process.env.OUTLOOP_TRACE_MODULES
if (out) {
  register('./trace-modules-hooks.js', import.meta.url, {data: {out}})
  const require = createRequire(import.meta.url)
  process.on('exit', () => {
    const paths = Object.keys(require.cache)
    if (paths.length > 0) appendFileSync(out, paths.join('\n') + '\n')
  })
}
