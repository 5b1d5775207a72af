// Text files that remember where each planted secret and decoy landed, to the exact line and column.
//
// A file is written with tagged templates: plain strings go in as they are, `plantSecret(key)` and
// `plantDecoy(decoy)` markers go in as their text and are recorded with their 1-based line and column
// (UTF-16 units, as JavaScript strings count them; the trees are ASCII on every line that holds a mark).

const MARK = Symbol('tree-writer-mark')

/** A marker that plants `key.value` (or its base64, for Kubernetes `data`) and records it as a secret. */
export function plantSecret(key, encoding = 'raw') {
  return {[MARK]: 'secret', key, encoding}
}

/** A marker that writes a decoy's text and records it as a location the scanner must stay quiet about. */
export function plantDecoy(decoy) {
  return {[MARK]: 'decoy', decoy}
}

/** Whether `value` is a marker made by plantSecret or plantDecoy. */
export function isPlantMark(value) {
  return value !== null && typeof value === 'object' && MARK in value
}

/** A text file under construction; `eol` is '\n' or '\r\n'. */
export class TreeFile {
  constructor(rel, {eol = '\n'} = {}) {
    this.rel = rel
    this.eol = eol
    this.parts = []
    this.marks = []
    this.atLine = 1
    this.atColumn = 1
  }

  /** Appends text, keeping track of the line and column it ends on. */
  raw(text) {
    if (this.eol !== '\n') text = text.replace(/\r?\n/g, this.eol)
    this.parts.push(text)
    const lastNl = text.lastIndexOf('\n')
    if (lastNl === -1) {
      this.atColumn += text.length
    } else {
      let n = 0
      for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) n++
      this.atLine += n
      this.atColumn = text.length - lastNl
    }
    return this
  }

  /** Tagged template: appends the text with its markers planted. */
  add(strings, ...values) {
    for (let i = 0; i < strings.length; i++) {
      this.raw(strings[i])
      if (i < values.length) this.#value(values[i])
    }
    return this
  }

  /** Tagged template that ends with the file's line ending. */
  line(strings, ...values) {
    this.add(strings, ...values)
    return this.raw('\n')
  }

  #value(value) {
    if (value === null || value === undefined || !value[MARK]) {
      this.raw(String(value ?? ''))
      return
    }
    const start = {line: this.atLine, column: this.atColumn}
    if (value[MARK] === 'secret') {
      const {key, encoding} = value
      const text = encoding === 'base64' ? Buffer.from(key.value).toString('base64') : key.value
      // PEM blocks keep '\n' inside even in a CRLF file: that is how the key file was pasted.
      this.parts.push(text)
      this.#advance(text)
      this.marks.push({type: 'secret', key, encoding, ...start, endLine: this.atLine, endColumn: this.atColumn})
    } else {
      const text = value.decoy.value
      this.raw(text)
      this.marks.push({type: 'decoy', decoy: value.decoy, ...start, endLine: this.atLine, endColumn: this.atColumn})
    }
  }

  #advance(text) {
    const lastNl = text.lastIndexOf('\n')
    if (lastNl === -1) {
      this.atColumn += text.length
      return
    }
    this.atLine += text.split('\n').length - 1
    this.atColumn = text.length - lastNl
  }

  /** The whole text. */
  text() {
    return this.parts.join('')
  }
}
