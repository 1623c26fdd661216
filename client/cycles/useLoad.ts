// Loads one HTTP answer for a component: the value, the error (a value, never a throw), and
// `reload` after an action changed it on the server. A late answer for an old key is dropped.
import { useCallback, useEffect, useState } from 'react'
import type { ApiError, ApiResult } from '../home/api.ts'

export type Loaded<T> = { value: T | null; error: ApiError | null; loading: boolean; reload: () => void }

export function useLoad<T>(load: (() => Promise<ApiResult<T>>) | null, key: string): Loaded<T> {
  const [state, setState] = useState<{ value: T | null; error: ApiError | null; loading: boolean }>({ value: null, error: null, loading: load !== null })
  const [round, setRound] = useState(0)
  useEffect(() => {
    if (!load) return
    let live = true
    setState((s) => ({ ...s, loading: true }))
    void load().then((r) => {
      if (!live) return
      setState(r.ok ? { value: r.value, error: null, loading: false } : { value: null, error: r.error, loading: false })
    })
    return () => {
      live = false
    }
    // `load` is keyed by `key` on purpose: callers pass a fresh closure each render.
  }, [key, round])
  const reload = useCallback(() => setRound((n) => n + 1), [])
  return { ...state, reload }
}
