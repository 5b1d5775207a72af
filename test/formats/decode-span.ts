import {parse as parseToml} from 'smol-toml'
import {parse as parseYaml} from 'yaml'
import {unescapeDockerfileWord} from '../../src/formats/dockerfile.js'
import {unescapeDotenvDouble} from '../../src/formats/dotenv.js'
import {unescapeProperties} from '../../src/formats/ini.js'
import {unescapeCodeLiteral} from '../../src/formats/source.js'
import type {CodeDialect} from '../../src/formats/source.js'
import type {LocatedValue} from '../../src/formats/types.js'

const YAML_FORMATS = new Set(['yaml', 'compose', 'github-actions', 'kubernetes'])
const DIALECTS: readonly CodeDialect[] = ['c-like', 'python', 'shell', 'powershell']

/**
 * Decodes text[start, end) per the value's encoding, using the real libraries (JSON.parse, yaml, smol-toml)
 * wherever one exists, so an off-by-one span fails to decode to the reported value.
 * Returns the candidates a span may decode to (markdown fences can hold several dialects).
 */
export function decodeSpanCandidates(format: string, text: string, v: LocatedValue): string[] {
  const span = text.slice(v.start, v.end)
  const quote = text[v.start - 1]
  const quoted = quote === '"' || quote === "'" || quote === '`' ? quote : ''
  switch (v.encoding) {
    case 'raw':
      return [span]
    case 'base64':
      return [Buffer.from(span.replace(/\s+/g, ''), 'base64').toString('utf8')]
    case 'basic-auth': {
      const decoded = Buffer.from(span, 'base64').toString('utf8')
      return [decoded.slice(decoded.indexOf(':') + 1)]
    }
    default:
      break
  }
  if (format === 'json' || format === 'docker-config') return [JSON.parse(`"${span}"`) as string]
  if (format === 'notebook') {
    const code = JSON.parse(`"${span}"`) as string
    return [code, unescapeCodeLiteral(code, '"', 'python')]
  }
  const closing = text.slice(v.end, v.end + 1)
  if (YAML_FORMATS.has(format) || (format === 'skill' && text.startsWith('---') && v.start < text.indexOf('\n---', 3))) {
    return [String(parseYaml(quoted !== '' && closing === quoted ? quoted + span + quoted : span))]
  }
  if (format === 'toml') {
    const triple = text.slice(v.start - 3, v.start)
    const delimiter = triple === '"""' || triple === "'''" ? triple : quoted
    return [String((parseToml(`x = ${delimiter}${span}${delimiter}`) as {x: unknown}).x)]
  }
  if (format === 'dotenv' || format === 'crontab') return [quoted === '"' ? unescapeDotenvDouble(span) : span.replace(/\r\n/g, '\n')]
  if (format === 'dockerfile') return [unescapeDockerfileWord(quoted + span.replace(/\\[ \t]*\r?\n/g, '') + quoted)]
  if (format === 'git-credentials') return [decodeURIComponent(span)]
  if (format === 'properties') return [unescapeProperties(span)]
  if (format === 'systemd') return [span.replace(/\\(.)/g, (_m, c: string) => ({n: '\n', t: '\t'} as Record<string, string>)[c] ?? c)]
  if (format.startsWith('source-')) return [unescapeCodeLiteral(span, quoted, format.slice('source-'.length) as CodeDialect)]
  return DIALECTS.map((d) => unescapeCodeLiteral(span, quoted, d))
}
