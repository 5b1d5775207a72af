#!/usr/bin/env node
// Development entry: runs the compiled commands after an incremental build, so no TS loader is needed.
import {execSync} from 'node:child_process'
import {fileURLToPath} from 'node:url'
import {dirname, join} from 'node:path'
import {execute} from '@oclif/core'

const root = join(dirname(fileURLToPath(import.meta.url)), '..')
execSync('npx tsc -p tsconfig.build.json', {cwd: root, stdio: 'inherit'})
await execute({loadOptions: {root: fileURLToPath(import.meta.url), userPlugins: false}})
