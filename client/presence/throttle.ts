// Leading + trailing throttle for presence streams (cursor, drag at ~25 Hz): the last value is
// always delivered. Pure module: the clock and timer are injected for tests.

export type Throttled<T> = { push(value: T): void; flush(): void; cancel(): void }

export function throttle<T>(
  send: (value: T) => void,
  intervalMs: number,
  clock: { now(): number; setTimeout(fn: () => void, ms: number): unknown; clearTimeout(t: unknown): void } = {
    now: () => Date.now(),
    setTimeout: (fn, ms) => setTimeout(fn, ms),
    clearTimeout: (t) => clearTimeout(t as ReturnType<typeof setTimeout>),
  },
): Throttled<T> {
  let last = -Infinity
  let pending: { value: T } | null = null
  let timer: unknown = null
  const fire = () => {
    timer = null
    if (!pending) return
    const { value } = pending
    pending = null
    last = clock.now()
    send(value)
  }
  return {
    push(value) {
      pending = { value }
      const wait = last + intervalMs - clock.now()
      if (wait <= 0) {
        if (timer !== null) clock.clearTimeout(timer)
        fire()
      } else if (timer === null) timer = clock.setTimeout(fire, wait)
    },
    flush() {
      if (timer !== null) clock.clearTimeout(timer)
      fire()
    },
    cancel() {
      if (timer !== null) clock.clearTimeout(timer)
      timer = null
      pending = null
    },
  }
}
