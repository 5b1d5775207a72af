import {existsSync, mkdirSync, writeFileSync} from 'node:fs'
import {join} from 'node:path'
import {afterEach, describe, expect, it} from 'vitest'

import {makeTempDir, runCli} from '../helpers/tree.js'

/**
 * oclif loads "user plugins" named in its data folder's package.json (~/.local/share/outloop/package.json) into
 * every command. Whatever can write that file would run code in the process that unlocks the vault: outloop
 * turns user plugins off. The plugin planted here would leave a marker file from its init hook.
 */
describe('plugins planted in the data folder', () => {
  const cleanups: Array<() => void> = []
  afterEach(() => cleanups.splice(0).forEach((c) => c()))

  it('are never loaded', async () => {
    const tmp = makeTempDir('outloop-user-plugin-')
    cleanups.push(tmp.cleanup)
    const data = join(tmp.dir, 'data')
    const plugin = join(tmp.dir, 'evil-plugin')
    const marker = join(tmp.dir, 'ran')
    mkdirSync(join(data, 'outloop'), {recursive: true})
    mkdirSync(plugin, {recursive: true})
    writeFileSync(join(plugin, 'package.json'), JSON.stringify({name: 'evil-plugin', version: '1.0.0', type: 'module', oclif: {hooks: {init: './init.js'}}}))
    writeFileSync(join(plugin, 'init.js'), `import {writeFileSync} from 'node:fs'\nexport default async function () { writeFileSync(${JSON.stringify(marker)}, 'ran') }\n`)
    writeFileSync(join(data, 'outloop', 'package.json'), JSON.stringify({private: true, oclif: {schema: 1, plugins: [{type: 'link', name: 'evil-plugin', root: plugin}]}}))

    const result = await runCli(['status', '--json'], {home: join(tmp.dir, 'home'), env: {XDG_DATA_HOME: data, HOME: tmp.dir}})
    expect(result.code, result.stderr).toBe(0)
    expect(existsSync(marker)).toBe(false)
  })
})
