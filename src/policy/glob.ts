const cache = new Map<string, RegExp>()

/**
 * Whether a request path matches a policy glob: `*` is any run inside one segment, `**` any number of
 * segments. Written out rather than borrowed from a file-glob library, whose dot and brace rules are for files.
 */
export function matchPathGlob(glob: string, path: string): boolean {
  let pattern = cache.get(glob)
  if (!pattern) {
    let source = '^'
    for (let i = 0; i < glob.length; i++) {
      const c = glob[i]
      if (c === '*' && glob[i + 1] === '*') {
        // "/**" at the end also matches the bare prefix: /v1/** covers /v1 and everything under it.
        if (glob[i - 1] === '/' && i + 2 === glob.length) {
          source = source.slice(0, -1) + '(?:/.*)?'
        } else source += '.*'
        i++
      } else if (c === '*') source += '[^/]*'
      else source += c.replace(/[.+?^${}()|[\]\\]/g, '\\$&')
    }
    pattern = new RegExp(source + '$')
    cache.set(glob, pattern)
  }
  return pattern.test(path)
}
