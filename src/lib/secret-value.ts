import {inspect} from 'node:util'

const REDACTED = '[redacted]'

/**
 * A secret in memory. Every way JavaScript turns an object into text (string coercion, JSON, util.inspect,
 * template literals) yields a redaction; only `reveal()` gives the value, so each use of it is greppable.
 */
export class SecretValue {
  readonly #value: string

  constructor(value: string) {
    this.#value = value
  }

  /** The clear value. Call only where the value must leave memory: the vault, an upstream request. */
  reveal(): string {
    return this.#value
  }

  get length(): number {
    return this.#value.length
  }

  equals(other: SecretValue): boolean {
    return this.#value === other.#value
  }

  toString(): string {
    return REDACTED
  }

  toJSON(): string {
    return REDACTED
  }

  [Symbol.toPrimitive](): string {
    return REDACTED
  }

  [inspect.custom](): string {
    return `SecretValue(${REDACTED})`
  }
}
