import {render} from 'ink'

import {MigrationWizard, type MigrationWizardProps, type WizardResult} from './wizard.js'

/** Whether the wizard may colour its screens: NO_COLOR unset and a terminal that can. */
export function wizardWantsColor(env: NodeJS.ProcessEnv = process.env): boolean {
  return !('NO_COLOR' in env) && env.TERM !== 'dumb'
}

/**
 * Runs the wizard on the terminal (drawn on stderr, so stdout stays for results) until the person applies
 * or cancels. Ctrl-C is a key here, not a signal: before apply it cancels, during apply the run finishes.
 */
export async function runMigrationWizard(props: Omit<MigrationWizardProps, 'onDone' | 'color'>): Promise<WizardResult> {
  let finish: (result: WizardResult) => void = () => {}
  const done = new Promise<WizardResult>((resolve) => (finish = resolve))
  const instance = render(<MigrationWizard {...props} color={wizardWantsColor()} onDone={(result) => finish(result)} />, {stdout: process.stderr, stdin: process.stdin, exitOnCtrlC: false, patchConsole: false})
  const result = await done
  instance.unmount()
  await instance.waitUntilExit().catch(() => {})
  return result
}
