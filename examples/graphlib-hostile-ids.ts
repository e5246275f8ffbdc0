/**
 * Any string is a legal id, even `__proto__`: the graphlib adapter encodes ids so that
 * graphlib cannot write onto `Object.prototype`. Run: `npx tsx examples/graphlib-hostile-ids.ts`.
 */
import assert from 'node:assert/strict'

// #region hostile-ids
import { decodeGraphlibId, decodeModel, formatModelErrors, fromGraphlib, toGraphlib } from 'orgintel'

// Raw, `__proto__` would make graphlib write onto Object.prototype for the whole
// process; encoded, it is just another node.
const hostile = decodeModel({
  schema: 'orgintel/v2',
  id: 'hostile',
  name: 'Hostile ids',
  actors: [
    { id: '__proto__', name: 'A', kind: 'patient', levels: ['delivery'] },
    { id: 'constructor', name: 'B', kind: 'clinician', levels: ['delivery'] },
  ],
  assets: [],
  channels: [{ id: 'toString', from: '__proto__', to: 'constructor', carries: [], level: 'delivery' }],
})
if (hostile._tag === 'Left') throw new Error(formatModelErrors(hostile.left))
const hostileGraph = toGraphlib(hostile.right)
console.log(hostileGraph.nodes().map((node) => decodeGraphlibId(node)?.id)) // [ '__proto__', 'constructor' ]
console.log(({} as Record<string, unknown>)['kind']) // undefined: nothing leaked onto Object.prototype
// #endregion hostile-ids

assert.deepEqual(hostileGraph.nodes().map((node) => decodeGraphlibId(node)?.id), ['__proto__', 'constructor'])
assert.deepEqual(fromGraphlib(hostileGraph), hostile)
assert.equal(({} as Record<string, unknown>)['kind'], undefined)
