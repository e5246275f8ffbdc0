/**
 * The core never writes to the console (STYLE.md 7). The architecture test finds
 * `console.` in the source; this catches it at run time too (`globalThis.console`,
 * a destructured `log`, a dependency that logs).
 */
import { vi } from 'vitest'

const methods = ['log', 'info', 'warn', 'error', 'debug', 'trace', 'dir', 'table'] as const

/** Run `body` with every console method spied on; the number of calls made during it. */
export const countConsoleCalls = (body: () => void): number => {
  const spies = methods.map((method) => vi.spyOn(console, method).mockImplementation(() => undefined))
  let calls = 0
  try {
    body()
  } finally {
    // Count before restoring: restoring clears the recorded calls.
    calls = spies.reduce((sum, spy) => sum + spy.mock.calls.length, 0)
    for (const spy of spies) spy.mockRestore()
  }
  return calls
}
