import type { Command } from '../command.js'
import { calibrateCommand } from './calibrate.js'
import { diagnoseCommand } from './diagnose.js'
import { exampleCommand } from './example.js'
import { importCommand } from './import.js'
import { loopsCommand } from './loops.js'
import { measureCommand } from './measure.js'
import { mergeCommand } from './merge.js'
import { migrateCommand } from './migrate.js'
import { renderCommand } from './render.js'
import { schemaCommand } from './schema.js'
import { sensitivityCommand } from './sensitivity.js'
import { simulateCommand } from './simulate.js'
import { sweepCommand } from './sweep.js'
import { traceCommand } from './trace.js'
import { validateCommand } from './validate.js'

/** Every sub-command, in the order `--help` lists them. @internal */
export const commands: ReadonlyArray<Command> = [
  validateCommand,
  diagnoseCommand,
  loopsCommand,
  traceCommand,
  renderCommand,
  importCommand,
  simulateCommand,
  sweepCommand,
  mergeCommand,
  measureCommand,
  calibrateCommand,
  sensitivityCommand,
  schemaCommand,
  migrateCommand,
  exampleCommand,
]
