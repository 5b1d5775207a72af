import type {FileFormat, FormatResult, LocatedValue} from './types.js'
import {baseName, linesOf, locatedValue} from './shared.js'

/** Percent-decodes a URL component, keeping the text as written when it is not valid percent-encoding. */
function percentDecode(raw: string): string {
  try {
    return decodeURIComponent(raw)
  } catch {
    return raw
  }
}

/**
 * `.git-credentials`: one `scheme://user:secret@host` URL a line. The secret is the password, or the user
 * part when there is no password (`https://TOKEN@host`, as some tokens are stored).
 */
export function extractGitCredentials(text: string): FormatResult {
  const values: LocatedValue[] = []
  for (const line of linesOf(text)) {
    const m = /^[ \t]*[A-Za-z][A-Za-z0-9+.-]*:\/\/([^:@/\s]*)(?::([^@\s]*))?@([^/\s?#]+)/.exec(line.text)
    if (m === null) continue
    const [, user, password, host] = m
    const userStart = line.start + m[0].indexOf('://') + 3
    if (password !== undefined && password !== '') {
      const start = userStart + user.length + 1
      values.push(locatedValue(text, {name: 'password', path: host, value: percentDecode(password), start, end: start + password.length}))
    } else if (user !== '') {
      values.push(locatedValue(text, {name: 'user', path: host, value: percentDecode(user), start: userStart, end: userStart + user.length}))
    }
  }
  return {format: 'git-credentials', values}
}

/**
 * `.netrc`: a stream of `machine HOST login USER password SECRET` tokens, on one line or many. `macdef`
 * bodies (macros, up to a blank line) are skipped.
 */
export function extractNetrc(text: string): FormatResult {
  const values: LocatedValue[] = []
  const tokens: {value: string; start: number}[] = []
  const re = /\S+/g
  for (let m = re.exec(text); m !== null; m = re.exec(text)) {
    if (m[0] === 'macdef') {
      const blank = /\r?\n[ \t]*\r?\n/g
      blank.lastIndex = m.index
      const end = blank.exec(text)
      re.lastIndex = end === null ? text.length : end.index + end[0].length
      continue
    }
    if (m[0].startsWith('#')) {
      const nl = text.indexOf('\n', m.index)
      re.lastIndex = nl === -1 ? text.length : nl
      continue
    }
    tokens.push({value: m[0], start: m.index})
  }
  let host = 'default'
  for (let k = 0; k < tokens.length; k++) {
    const token = tokens[k].value
    const next = tokens[k + 1]
    if (token === 'default') {
      host = 'default'
      continue
    }
    if (next === undefined) break
    if (token === 'machine') host = next.value
    else if (token === 'password' || token === 'account') {
      values.push(locatedValue(text, {name: token, path: `${host}.${token}`, value: next.value, start: next.start, end: next.start + next.value.length}))
    } else if (token !== 'login') continue
    // The token after a keyword is its argument, never a keyword itself (a login may be called `password`).
    k++
  }
  return {format: 'netrc', values}
}

/** `.git-credentials` (the `store` credential helper's file). */
export const gitCredentialsFormat: FileFormat = {
  id: 'git-credentials',
  syntax: 'url-percent', decodes: true,
  matches: (relPath) => baseName(relPath) === '.git-credentials',
  extract: extractGitCredentials,
}

/** `.netrc` / `_netrc` (curl, git, ftp). */
export const netrcFormat: FileFormat = {
  id: 'netrc',
  syntax: 'netrc', decodes: true,
  matches: (relPath) => /^[._]netrc$/.test(baseName(relPath)),
  extract: extractNetrc,
}

/** PEM blocks (`-----BEGIN … PRIVATE KEY-----`) in key files; each whole block is one value. */
export function extractPemBlocks(text: string): FormatResult {
  const values: LocatedValue[] = []
  const re = /-----BEGIN ([A-Z0-9 ]{1,60})-----[\s\S]*?-----END \1-----/g
  for (let m = re.exec(text); m !== null; m = re.exec(text)) {
    values.push(locatedValue(text, {name: m[1], path: m[1], value: m[0], start: m.index, end: m.index + m[0].length}))
  }
  return {format: 'pem', values}
}

/** Key files: `*.pem`, `*.key`, `*.p8`, SSH private keys (`id_rsa`, `id_ed25519`, …). */
export const pemFormat: FileFormat = {
  id: 'pem',
  syntax: 'text', decodes: true,
  matches: (relPath) => /\.(?:pem|key|p8)$/i.test(relPath) || /^id_(?:rsa|dsa|ecdsa|ed25519)(?:_sk)?$/.test(baseName(relPath)),
  extract: extractPemBlocks,
}
