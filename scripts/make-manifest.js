#!/usr/bin/env node
// Writes oclif.manifest.json (run by `npm run build` after tsc, and by prepack). Without it oclif imports every
// command module, and everything those import, on each start just to learn the commands' names and flags:
// `outloop --version` took a second. The manifest is built by @oclif/core's own Plugin with the existing file
// ignored, which is the code oclif runs in memory when no manifest exists, so what it writes is exactly what
// oclif would have computed. The old file is removed first: if a command fails to load, the build fails and no
// stale manifest is left behind to hide a new command.
import {rmSync, writeFileSync} from 'node:fs'
import {dirname, join} from 'node:path'
import {fileURLToPath} from 'node:url'

import {Plugin} from '@oclif/core'

const root = join(dirname(fileURLToPath(import.meta.url)), '..')
const file = join(root, 'oclif.manifest.json')

rmSync(file, {force: true})
const plugin = new Plugin({root, type: 'core', isRoot: true, ignoreManifest: true, errorOnManifestCreate: true, respectNoCacheDefault: true})
await plugin.load()
const count = Object.keys(plugin.manifest.commands).length
if (count === 0) throw new Error(`no commands found under ${plugin.pjson.oclif.commands}: run tsc first`)
writeFileSync(file, JSON.stringify(plugin.manifest, null, 2) + '\n')
process.stderr.write(`oclif.manifest.json: ${count} commands\n`)
