import {probeKeychain} from '../../src/vault/keychain.js'

const HOW = "dbus-run-session -- sh -c 'echo pw | gnome-keyring-daemon --unlock --components=secrets; npm test'"

/** Whether CI asked for every test to run (CI=true): then a missing keychain fails the keychain tests, never skips them. */
export function isCi(): boolean {
  const ci = process.env.CI
  return ci !== undefined && ci !== '' && ci !== '0' && ci.toLowerCase() !== 'false'
}

/**
 * Whether to run the tests that need a real OS keychain. They are skipped, with the reason printed, only on a
 * developer's machine that has no Secret Service; under CI they always run, so a broken keychain fails CI.
 */
export async function keychainTestsEnabled(suite: string): Promise<boolean> {
  const probe = await probeKeychain()
  if (probe.available || isCi()) return true
  process.stderr.write(`\n[${suite}] SKIPPED: no usable OS keychain here (${probe.reason}). Run them with: ${HOW}\n\n`)
  return false
}
