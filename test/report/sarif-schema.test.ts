import {describe, expect, it} from 'vitest'

import {sarifSchemaErrors} from '../helpers/sarif.js'

/** The schema check the scan and check tests rely on: it has to be able to say no. */
describe('the SARIF 2.1.0 schema the tests validate against', () => {
  const valid = () => ({
    version: '2.1.0',
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    runs: [{tool: {driver: {name: 'outloop', rules: [{id: 'openai-api-key'}]}}, results: [{ruleId: 'openai-api-key', level: 'error', message: {text: 'An OpenAI API key'}, locations: [{physicalLocation: {artifactLocation: {uri: 'acme/.env'}, region: {startLine: 2, startColumn: 16}}}]}]}],
  })

  it('accepts a minimal valid log', () => {
    expect(sarifSchemaErrors(valid())).toEqual([])
  })

  it('rejects another version, a result without a message, an unknown level, a line 0 and a run without a tool', () => {
    const broken: Array<[string, (log: any) => void]> = [
      ['version', (log) => (log.version = '2.0.0')],
      ['message', (log) => delete log.runs[0].results[0].message],
      ['level', (log) => (log.runs[0].results[0].level = 'fatal')],
      ['startLine', (log) => (log.runs[0].results[0].locations[0].physicalLocation.region.startLine = 0)],
      ['tool', (log) => delete log.runs[0].tool],
    ]
    for (const [what, breakIt] of broken) {
      const log = valid()
      breakIt(log)
      expect(sarifSchemaErrors(log).length, what).toBeGreaterThan(0)
    }
  })
})
