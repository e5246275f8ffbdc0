import * as t from 'io-ts'
import type { ProposedChannel } from '../graph/types.js'
import { Level, Polarity } from '../model/vocabulary.js'
import { idText, nonNegativeNumber, probability } from './plain-codecs.js'

/**
 * A channel to add: a {@link ProposedChannel} from `suggestRepairs` as it is, or a
 * channel-like object with its own `id`, `latencyDays` and `reliability`. Without an
 * id it is called `added-N` (N its position among the added channels, from 1).
 * A channel that carries nothing (`carries: []`) carries nothing (see {@link simulate}).
 * @category Simulation
 */
export const AddedChannel = t.readonly(
  t.intersection([
    t.type({ from: idText, to: idText, level: Level, carries: t.readonlyArray(idText) }),
    t.partial({ id: idText, latencyDays: nonNegativeNumber, reliability: probability, polarity: Polarity, reason: t.string }),
  ]),
  'AddedChannel',
)
/** @category Simulation */
export type AddedChannel = t.TypeOf<typeof AddedChannel>

const day = { day: nonNegativeNumber }

/**
 * A change to the organisation from a given day (from the start of that day, before
 * anything else happens on it):
 * - `add-channel`: open a new active channel.
 * - `remove-actor`: the actor stops raising, receiving and sending; its channels close.
 * - `remove-channel`: close a channel (by id; added channels included).
 * - `set-reliability` / `set-latency`: change one channel, or every channel when
 *   `channel` is absent.
 * @category Simulation
 */
export const Intervention = t.union(
  [
    t.readonly(t.type({ ...day, kind: t.literal('add-channel'), channel: AddedChannel })),
    t.readonly(t.type({ ...day, kind: t.literal('remove-actor'), actor: idText })),
    t.readonly(t.type({ ...day, kind: t.literal('remove-channel'), channel: idText })),
    t.readonly(
      t.intersection([
        t.type({ ...day, kind: t.literal('set-reliability'), reliability: probability }),
        t.partial({ channel: idText }),
      ]),
    ),
    t.readonly(
      t.intersection([
        t.type({ ...day, kind: t.literal('set-latency'), latencyDays: nonNegativeNumber }),
        t.partial({ channel: idText }),
      ]),
    ),
  ],
  'Intervention',
)
/** @category Simulation */
export type Intervention = t.TypeOf<typeof Intervention>

/**
 * Turn proposed channels (the output of `suggestRepairs`) into `add-channel`
 * interventions from `day` (default 0), so that "as is" and "repaired" differ only in
 * this list.
 * @category Simulation
 */
export const repairInterventions = (
  proposals: ReadonlyArray<ProposedChannel | AddedChannel>,
  fromDay = 0,
): ReadonlyArray<Intervention> =>
  proposals.map((channel) => ({ day: fromDay, kind: 'add-channel' as const, channel }))
