import {AsyncEntry, findCredentialsAsync, type EntryOptions} from '@napi-rs/keyring'
import {randomBytes} from 'node:crypto'

import {UserError} from '../lib/errors.js'

/** The keychain service outloop's items live under, unless configured otherwise. */
export const DEFAULT_KEYCHAIN_SERVICE = 'outloop'

/** How long one keychain call may take before we say so (a locked keychain can wait on a prompt forever). */
const CALL_TIMEOUT_MS = 15_000

/**
 * On Linux, pin the Secret Service: the library would otherwise fall back to the kernel keyring, which does
 * not survive a reboot, and a vault that quietly forgets its keys is worse than one that refuses to start.
 */
const ENTRY_OPTIONS: EntryOptions = {linux: {store: 'secret-service'}}

/** Turns the platform's keychain errors into what the user can do about them. Never quotes a value. */
export function translateKeychainError(error: unknown, doing: string): UserError {
  const message = error instanceof Error ? error.message : String(error)
  const fallback = 'or use --vault file'
  if (error instanceof Error && (error.name === 'AbortError' || error.name === 'TimeoutError')) {
    return new UserError(`The OS keychain did not answer while ${doing}: it may be waiting for an unlock prompt.`, `Unlock your keychain and try again, ${fallback}.`)
  }
  if (/X11|autolaunch|DBUS_SESSION_BUS_ADDRESS|ServiceUnknown|org\.freedesktop\.secrets|No such interface|was not provided by any \.service|Connection refused|Failed to connect|NoStorageAccess|Platform failure: DBus/i.test(message)) {
    return new UserError(
      `No Secret Service is running: outloop can't reach the OS keychain while ${doing}.`,
      `Start gnome-keyring (or KeePassXC's Secret Service) in your session, ${fallback}. In a headless session: dbus-run-session -- sh -c 'echo PASSWORD | gnome-keyring-daemon --unlock --components=secrets; outloop …'`,
    )
  }
  if (/lock|prompt|dismiss/i.test(message)) {
    return new UserError(`The OS keychain is locked and could not be unlocked here while ${doing}.`, `Unlock it (log in to the desktop, or: echo PASSWORD | gnome-keyring-daemon --unlock), ${fallback}.`)
  }
  if (/AccessDenied|denied|permission/i.test(message)) {
    return new UserError(`The OS keychain refused access while ${doing}.`, `Allow outloop in your keychain's settings, ${fallback}.`)
  }
  return new UserError(`The OS keychain failed while ${doing}: ${message.slice(0, 200)}`, `Check that your keychain works, ${fallback}.`)
}

async function keychainCall<T>(doing: string, call: (signal: AbortSignal) => Promise<T>): Promise<T> {
  try {
    return await call(AbortSignal.timeout(CALL_TIMEOUT_MS))
  } catch (error) {
    throw translateKeychainError(error, doing)
  }
}

/** Reads one item's password; null when there is none. */
export function readKeychainItem(service: string, account: string): Promise<string | null> {
  return keychainCall('reading from it', (signal) => new AsyncEntry(service, account, ENTRY_OPTIONS).getPassword(signal))
}

/** Creates or replaces one item. */
export function writeKeychainItem(service: string, account: string, password: string): Promise<void> {
  return keychainCall('writing to it', (signal) => new AsyncEntry(service, account, ENTRY_OPTIONS).setPassword(password, signal))
}

/** Deletes one item; false when there was none. */
export function deleteKeychainItem(service: string, account: string): Promise<boolean> {
  return keychainCall('deleting from it', (signal) => new AsyncEntry(service, account, ENTRY_OPTIONS).deleteCredential(signal))
}

/** Every item of a service, passwords included. */
export function listKeychainItems(service: string): Promise<Array<{account: string; password: string}>> {
  return keychainCall('listing it', (signal) => findCredentialsAsync(service, null, signal))
}

/**
 * Whether the keychain works here: writes, reads back and deletes a throwaway item, because a locked Secret
 * Service answers reads with "nothing there" and fails only on writes.
 */
export async function probeKeychain(): Promise<{available: true} | {available: false; reason: string; hint?: string}> {
  const account = `probe-${process.pid}-${randomBytes(6).toString('hex')}`
  const service = `${DEFAULT_KEYCHAIN_SERVICE}-probe`
  try {
    await writeKeychainItem(service, account, 'probe')
    const back = await readKeychainItem(service, account)
    await deleteKeychainItem(service, account)
    if (back !== 'probe') return {available: false, reason: 'The OS keychain did not return what was written to it.'}
    return {available: true}
  } catch (error) {
    if (error instanceof UserError) return {available: false, reason: error.message, hint: error.hint}
    return {available: false, reason: error instanceof Error ? error.message : String(error)}
  }
}
