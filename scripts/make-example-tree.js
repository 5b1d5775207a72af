#!/usr/bin/env node
// Builds the bundled example agency tree: `node scripts/make-example-tree.js <dir>` writes <dir>/clients.
//
// The keys are generated now, never committed (live-looking strings in a repository trip push protection and
// other people's scanners). Running it again wipes <dir> and builds a fresh tree. It prints a one-line summary
// to stderr and never a key; the truth (with the values) goes to <dir>/truth.json, outside the scanned folder,
// readable by its owner only, for anyone who wants to check a scan by hand.
import {chmodSync, writeFileSync} from 'node:fs'
import {join, relative, resolve} from 'node:path'

import {DEFAULT_CLIENTS, buildAgencyTree} from './lib/agency-tree.js'

/** Builds the example tree into `dir` and returns the scan root and truth. */
function makeExampleTree(dir) {
  const root = resolve(dir)
  const {scanRoot, truth} = buildAgencyTree(root, {clients: DEFAULT_CLIENTS, seed: 1})
  const truthFile = join(root, 'truth.json')
  writeFileSync(truthFile, JSON.stringify(truth, null, 2) + '\n', {mode: 0o600})
  chmodSync(truthFile, 0o600)
  return {scanRoot, truth}
}

const dir = process.argv[2]
if (!dir) {
  process.stderr.write('usage: node scripts/make-example-tree.js <dir>\n')
  process.exit(2)
}
let built
try {
  built = makeExampleTree(dir)
} catch (error) {
  process.stderr.write(`Can't build the example tree: ${error.message}\n`)
  process.exit(2)
}
const {scanRoot, truth} = built
const shared = new Set(truth.secrets.filter(s => s.tenant === null).map(s => s.file.split('/')[0]))
process.stderr.write(
  `Example agency tree in ${relative(process.cwd(), scanRoot) || '.'}: ${truth.files} files, ${truth.clients.length} clients ` +
    `(+ ${[...shared].sort().join(', ')}), ${truth.secrets.length} planted keys (${truth.uniqueSecrets} unique), ${truth.decoys.length} decoys\n`,
)
