import {describe, expect, it} from 'vitest'

import {UserError} from '../../src/lib/errors.js'
import {compareSecretRefs, findSecretRefs, formatClientRelativeRef, formatSecretRef, isClientRelativeRef, isValidSecretName, parseSecretRef, tryParseSecretRef} from '../../src/vault/ref.js'
import {translateKeychainError} from '../../src/vault/keychain.js'

describe('vault references', () => {
  it('parses the placeholder form and the short form a person types, and formats one canonical text', () => {
    expect(parseSecretRef('outloop://acme/openai-api-key')).toEqual({tenant: 'acme', name: 'openai-api-key'})
    expect(parseSecretRef('acme/stripe_key.live')).toEqual({tenant: 'acme', name: 'stripe_key.live'})
    expect(formatSecretRef({tenant: 'globex', name: '0-key'})).toBe('outloop://globex/0-key')
    expect(tryParseSecretRef('acme/key', {requireScheme: true})).toBeNull()
    const ref = parseSecretRef('outloop://a1/b.c')
    expect(parseSecretRef(formatSecretRef(ref))).toEqual(ref)
  })

  it('rejects anything that is not a safe lower-case path part', () => {
    for (const bad of ['', 'acme', 'acme/', '/key', 'Acme/key', 'acme/Key', 'acme/../x', 'acme/.hidden', 'acme/-x', '_shared/key', 'acme/a/b', 'acme/key ', 'outloop:/acme/key', 'acme/' + 'k'.repeat(129), 'acme/kéy']) {
      expect(tryParseSecretRef(bad), bad).toBeNull()
    }
    expect(() => parseSecretRef('Acme/Key')).toThrow(UserError)
  })

  it('finds placeholders inside text with their offsets, leaving a sentence-ending dot out', () => {
    const text = 'KEY=outloop://acme/openai-key\nsee outloop://globex/stripe.live. and outloop://Bad/x'
    const found = findSecretRefs(text)
    expect(found.map((f) => formatSecretRef(f.ref))).toEqual(['outloop://acme/openai-key', 'outloop://globex/stripe.live'])
    for (const f of found) expect(text.slice(f.start, f.end)).toBe(formatSecretRef(f.ref))
  })

  it('has a client-relative form that no tenant name can collide with, found only for a known calling client', () => {
    const shared = formatClientRelativeRef('openai-api-key')
    expect(shared).toBe('outloop://@client/openai-api-key')
    expect(isValidSecretName('@client')).toBe(false)
    expect(isClientRelativeRef(shared)).toBe(true)
    for (const other of ['outloop://acme/openai-api-key', 'outloop://@client/', 'outloop://@client/Key', 'outloop://@clients/key', 'outloop://@client/key ', ' outloop://@client/key']) expect(isClientRelativeRef(other), other).toBe(false)
    expect(() => formatClientRelativeRef('../x')).toThrow()
    // Not a vault address: vault commands refuse it and say why.
    expect(tryParseSecretRef(shared)).toBeNull()
    expect(() => parseSecretRef(shared)).toThrow(/stands for the calling client's own entry/)

    const text = `A=${shared}.\nB=outloop://globex/stripe-key outloop://@clientx/k`
    expect(findSecretRefs(text).map((f) => formatSecretRef(f.ref))).toEqual(['outloop://globex/stripe-key'])
    const found = findSecretRefs(text, {client: 'acme'})
    expect(found.map((f) => [formatSecretRef(f.ref), f.clientRelative])).toEqual([
      ['outloop://acme/openai-api-key', true],
      ['outloop://globex/stripe-key', false],
    ])
    expect(text.slice(found[0].start, found[0].end)).toBe(shared)
    expect(text.slice(found[1].start, found[1].end)).toBe('outloop://globex/stripe-key')
  })

  it('sorts by tenant, then name', () => {
    const refs = [{tenant: 'b', name: 'a'}, {tenant: 'a', name: 'z'}, {tenant: 'a', name: 'b'}]
    expect([...refs].sort(compareSecretRefs).map(formatSecretRef)).toEqual(['outloop://a/b', 'outloop://a/z', 'outloop://b/a'])
  })
})

describe('keychain errors', () => {
  it('say what to do: start a Secret Service, unlock the keychain, or use the file vault', () => {
    const noBus = translateKeychainError(new Error('Platform failure: DBus error: Using X11 for dbus-daemon autolaunch was disabled at compile time'), 'reading from it')
    expect(noBus.message).toBe("No Secret Service is running: outloop can't reach the OS keychain while reading from it.")
    expect(noBus.hint).toContain('Start gnome-keyring')
    expect(noBus.hint).toContain('--vault file')
    const locked = translateKeychainError(new Error("Couldn't access platform storage: Secret Service: unlock prompt was dismissed"), 'writing to it')
    expect(locked.message).toContain('is locked')
    expect(locked.hint).toContain('--vault file')
    const timeout = translateKeychainError(Object.assign(new Error('aborted'), {name: 'TimeoutError'}), 'listing it')
    expect(timeout.message).toContain('did not answer')
  })
})
