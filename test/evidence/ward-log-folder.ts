import { afterAll } from 'vitest'
import { scratchFolder } from '../cli/harness.js'
import { wardLog, wardMappingInput } from './ward-log.js'

/**
 * A scratch folder (removed after the test file) holding the ward log as `events.csv`
 * and its mapping as `map.json`: what the command tests run the CLI on.
 */
export const wardLogFolder = (): { readonly directory: string; readonly write: (name: string, text: string) => string; readonly log: string; readonly mapping: string } => {
  const folder = scratchFolder()
  afterAll(folder.remove)
  return { directory: folder.path, write: folder.write, log: folder.write('events.csv', wardLog), mapping: folder.write('map.json', JSON.stringify(wardMappingInput)) }
}
