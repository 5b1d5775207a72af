import {spawnSync} from 'node:child_process'
import {join} from 'node:path'
import {afterEach, describe, expect, it} from 'vitest'

import {makeTempDir, runCli} from '../helpers/tree.js'

/** Shell completion (@oclif/plugin-autocomplete): set up as its instructions say, then asked by bash itself. */
describe('outloop autocomplete', () => {
  const cleanups: Array<() => void> = []
  afterEach(() => cleanups.splice(0).forEach((c) => c()))

  it('installs for bash and completes commands, subcommands and flags', async () => {
    const tmp = makeTempDir('outloop-complete-')
    cleanups.push(tmp.cleanup)
    const env = {HOME: tmp.dir, XDG_CACHE_HOME: join(tmp.dir, 'cache')}
    const setup = await runCli(['autocomplete', 'bash'], {home: join(tmp.dir, 'home'), env})
    expect(setup.code, setup.stderr).toBe(0)
    expect(setup.stdout).toContain('outloop autocomplete script bash')
    const script = await runCli(['autocomplete', 'script', 'bash'], {home: join(tmp.dir, 'home'), env})
    expect(script.code).toBe(0)

    // What the user's ~/.bashrc gets, then a completion request as bash makes one on Tab.
    const complete = (...words: string[]) => {
      const program = `${script.stdout}\nCOMP_WORDS=(${words.map((w) => `'${w}'`).join(' ')}); COMP_CWORD=${words.length - 1}; COMP_LINE='${words.join(' ')}'; _outloop_autocomplete; printf '%s\\n' "\${COMPREPLY[@]}"`
      const result = spawnSync('bash', ['-c', program], {encoding: 'utf8', env: {...process.env, ...env}})
      expect(result.status, result.stderr).toBe(0)
      // bash shows each candidate once however often the function offers it.
      return [...new Set(result.stdout.trim().split('\n').filter(Boolean))]
    }
    expect(complete('outloop', 'appr')).toEqual(['approvals'])
    expect(complete('outloop', 'approvals', '')).toEqual(expect.arrayContaining(['approve', 'deny']))
    expect(complete('outloop', 'scan', '--fo')).toEqual(['--format'])
    expect(complete('outloop', 'approvals', 'approve', '--for')).toEqual(['--for-session'])
    expect(complete('outloop', 'mcp', '')).toEqual(expect.arrayContaining(['install', 'uninstall']))
  })
})
