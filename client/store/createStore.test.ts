import { describe, expect, it } from 'vitest'
import { createStore } from './createStore.ts'

describe('createStore', () => {
  it('notifies listeners with the new and previous state', () => {
    const store = createStore({ a: 1, b: 'x' })
    const seen: [number, number][] = []
    store.subscribe((s, p) => seen.push([s.a, p.a]))
    store.setState({ a: 2 })
    store.setState((s) => ({ a: s.a + 1 }))
    expect(seen).toEqual([[2, 1], [3, 2]])
  })

  it('skips notifications when nothing changed', () => {
    const store = createStore({ a: 1 })
    let calls = 0
    store.subscribe(() => calls++)
    store.setState({ a: 1 })
    expect(calls).toBe(0)
  })

  it('unsubscribes', () => {
    const store = createStore({ a: 1 })
    let calls = 0
    const off = store.subscribe(() => calls++)
    off()
    store.setState({ a: 2 })
    expect(calls).toBe(0)
  })
})
