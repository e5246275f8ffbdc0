import { actedNotReported } from './acted-not-reported.js'
import { declaredLoopBroken } from './declared-loop-broken.js'
import { experienceExcluded } from './experience-excluded.js'
import { heardNotActed } from './heard-not-acted.js'
import { learningStuck } from './learning-stuck.js'
import { missingLevelLoop } from './missing-level-loop.js'
import { noLayVoice } from './no-lay-voice.js'
import { noMemory } from './no-memory.js'
import { noSensemaking } from './no-sensemaking.js'
import { openLoop } from './open-loop.js'
import { promiseNotKept } from './promise-not-kept.js'
import { singleLoopTrap } from './single-loop-trap.js'
import { singlePointOfFailure } from './single-point-of-failure.js'
import { slowLoop } from './slow-loop.js'
import { storiesStop } from './stories-stop.js'
import { tokenisticParticipation } from './tokenistic-participation.js'
import { undeclaredLoop } from './undeclared-loop.js'
import { unknownPolarity } from './unknown-polarity.js'
import { unusedKnowledge } from './unused-knowledge.js'

/**
 * The built-in rules ([Architecture: diagnosis](../../../docs/architecture.md#diagnosis-and-repairs)), in id order. Every one runs by default
 * at its default severity; a config turns rules off, changes severities and options.
 * @category Rules
 */
export const builtinRules = [
  actedNotReported,
  declaredLoopBroken,
  experienceExcluded,
  heardNotActed,
  learningStuck,
  missingLevelLoop,
  noLayVoice,
  noMemory,
  noSensemaking,
  openLoop,
  promiseNotKept,
  singleLoopTrap,
  singlePointOfFailure,
  slowLoop,
  storiesStop,
  tokenisticParticipation,
  undeclaredLoop,
  unknownPolarity,
  unusedKnowledge,
] as const

/** One of the built-in rules. @category Rules */
export type BuiltinRule = (typeof builtinRules)[number]

/** The id of a built-in rule. @category Rules */
export type BuiltinRuleId = BuiltinRule['id']
