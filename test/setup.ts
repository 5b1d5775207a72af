import {seedFakeRandomness} from '../src/lib/random.js'

// Every test file plants the same fake keys on every run: a test either always passes or always fails.
seedFakeRandomness('outloop-test-suite')
