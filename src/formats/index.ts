import type {FileFormat, FormatResult} from './types.js'
import {gitCredentialsFormat, netrcFormat, pemFormat} from './credential-files.js'
import {dockerfileFormat} from './dockerfile.js'
import {dotenvFormat} from './dotenv.js'
import {iniFormat, npmrcFormat, propertiesFormat} from './ini.js'
import {dockerConfigFormat, jsonFormat, lockfileFormat} from './json.js'
import {notesFormat, skillFormat} from './markdown.js'
import {notebookFormat} from './notebook.js'
import {baseName} from './shared.js'
import {sniffFormat} from './sniff.js'
import {sourceFormatFor} from './source.js'
import {tomlFormat} from './toml.js'
import {crontabFormat, systemdFormat} from './unix-configs.js'
import {composeFormat, githubActionsFormat, kubernetesFormat, yamlFormat} from './yaml.js'

/**
 * Every format, in matching order: the first whose `matches` accepts a file parses it. Specific formats
 * come before the general ones they overlap (`docker-config` and `notebook` before `json`, `compose`,
 * `github-actions` and `kubernetes` before `yaml`, `skill` before `notes`, `systemd` before `ini`).
 */
export const FORMATS: readonly FileFormat[] = [
  lockfileFormat,
  pemFormat,
  dotenvFormat,
  dockerfileFormat,
  dockerConfigFormat,
  notebookFormat,
  jsonFormat,
  composeFormat,
  githubActionsFormat,
  kubernetesFormat,
  yamlFormat,
  tomlFormat,
  crontabFormat,
  systemdFormat,
  npmrcFormat,
  gitCredentialsFormat,
  netrcFormat,
  propertiesFormat,
  iniFormat,
  skillFormat,
  notesFormat,
  sourceFormatFor('python'),
  sourceFormatFor('shell'),
  sourceFormatFor('powershell'),
  sourceFormatFor('c-like'),
]

const BY_ID = new Map<string, FileFormat>(FORMATS.map((format) => [format.id, format]))

/** The format of an id (as a scan result names it); undefined for `text`, the line pass only. */
export function formatById(id: string): FileFormat | undefined {
  return BY_ID.get(id)
}

const SNIFFED = {dockerConfig: dockerConfigFormat, json: jsonFormat, kubernetes: kubernetesFormat, netrc: netrcFormat, pem: pemFormat}

/**
 * The format that parses a file, or undefined when only the line pass applies: by its name first; where the
 * name picks only a generic format (or none), by what its content says it is (`sniffFormat`).
 */
export function formatForPath(relPath: string, text: string): FileFormat | undefined {
  return sniffFormat(relPath, text, FORMATS.find((format) => format.matches(relPath, text)), SNIFFED)
}

/**
 * Located values of a file, by the first format that matches its root-relative path (and content, where
 * the path is ambiguous). Never throws: a parse failure comes back as `error` with the values found before it.
 */
export function extractValues(relPath: string, text: string): FormatResult {
  const format = formatForPath(relPath, text)
  if (format === undefined) return {format: 'text', values: []}
  let result: FormatResult
  try {
    result = format.extract(text)
  } catch {
    // A parser bug must not stop a scan, and its message could quote the file: report a position-free error.
    return {format: format.id, values: [], error: {line: 1, column: 1, reason: 'internal parser error'}}
  }
  if (format.id === 'pem') {
    // Key files are named for what they open (`id_ed25519`, `deploy.pem`): that is the useful name.
    const name = baseName(relPath)
    return {...result, values: result.values.map((v) => ({...v, name}))}
  }
  return result
}
