// The current route from the location, with pushState navigation (no router dependency).
import { useCallback, useSyncExternalStore } from 'react'
import { parseRoute, type Route } from './route.ts'

const subscribe = (cb: () => void) => {
  window.addEventListener('popstate', cb)
  return () => window.removeEventListener('popstate', cb)
}
const getPath = () => location.pathname

export function useRoute(): [Route, (path: string) => void] {
  const path = useSyncExternalStore(subscribe, getPath, getPath)
  const navigate = useCallback((to: string) => {
    history.pushState(null, '', to)
    window.dispatchEvent(new PopStateEvent('popstate'))
  }, [])
  return [parseRoute(path), navigate]
}
