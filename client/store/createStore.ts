// A tiny vanilla store (zustand-style, written by hand): state, setState, subscribe.
// One instance per board session; never a module-level singleton. No React here.

export type Listener<T> = (state: T, previous: T) => void

export type Store<T> = {
  getState: () => T
  setState: (update: Partial<T> | ((state: T) => Partial<T>)) => void
  subscribe: (listener: Listener<T>) => () => void
}

export function createStore<T extends object>(initial: T): Store<T> {
  let state = initial
  const listeners = new Set<Listener<T>>()
  return {
    getState: () => state,
    setState(update) {
      const partial = typeof update === 'function' ? update(state) : update
      let changed = false
      for (const key of Object.keys(partial) as (keyof T)[]) {
        if (!Object.is(partial[key], state[key])) changed = true
      }
      if (!changed) return
      const previous = state
      state = { ...state, ...partial }
      for (const listener of listeners) listener(state, previous)
    },
    subscribe(listener) {
      listeners.add(listener)
      return () => {
        listeners.delete(listener)
      }
    },
  }
}
