// The board's template areas, live: re-read only when the server changes the `areas` root.
import { useMemo, useSyncExternalStore } from 'react'
import type * as Y from 'yjs'
import { ROOT } from '../../shared/model/layout.ts'
import { readAreas, type Area } from './tableAreas.ts'

export function useAreas(doc: Y.Doc): readonly Area[] {
  const source = useMemo(() => {
    let current = readAreas(doc)
    const map = doc.getMap(ROOT.areas)
    return {
      get: () => current,
      subscribe: (notify: () => void) => {
        const handler = () => {
          current = readAreas(doc)
          notify()
        }
        map.observe(handler)
        return () => map.unobserve(handler)
      },
    }
  }, [doc])
  return useSyncExternalStore(source.subscribe, source.get, source.get)
}
