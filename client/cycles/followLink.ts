// In-app navigation for plain links (same as useRoute's navigate: pushState and a popstate), so a
// link to another board or the map does not reload the page; modified clicks open as usual.
import type { MouseEvent } from 'react'

export function navigateTo(path: string): void {
  history.pushState(null, '', path)
  window.dispatchEvent(new PopStateEvent('popstate'))
}

export function followLink(e: MouseEvent<Element>, path: string): void {
  if (e.metaKey || e.ctrlKey || e.shiftKey || e.altKey || e.button !== 0) return
  e.preventDefault()
  navigateTo(path)
}
