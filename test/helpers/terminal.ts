import {execFileSync} from 'node:child_process'

/** Whether tmux is installed, for the tests that drive the real CLI in a terminal. */
export const hasTmux = ((): boolean => {
  try {
    execFileSync('tmux', ['-V'], {stdio: 'ignore'})
    return true
  } catch {
    return false
  }
})()
