// The React binding of a vanilla store: components re-render only when their selected slice changes.
import { useCallback, useSyncExternalStore } from 'react'
import type { Store } from './createStore.ts'

export function useStore<T, S>(store: Store<T>, selector: (state: T) => S): S {
  const getSnapshot = useCallback(() => selector(store.getState()), [store, selector])
  return useSyncExternalStore(store.subscribe, getSnapshot, getSnapshot)
}
