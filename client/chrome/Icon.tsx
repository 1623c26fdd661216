// Small stroke icons drawn as SVG (no icon font, no emoji: both are missing on some systems).
const PATHS = {
  select: 'M5 3l12 8-5.5 1.2L15 19l-2.2 1-3.3-6.6L5 17z',
  hand: 'M8 12V5.5a1.5 1.5 0 013 0V11m0-6.5a1.5 1.5 0 013 0V11m0-5a1.5 1.5 0 013 0v7c0 4-2.5 7-6.5 7S6 18 4.5 15.5L3 13a1.4 1.4 0 012.3-1.6L8 14',
  plus: 'M12 5v14M5 12h14',
  pattern: 'M4 6h16v12H4z M8 10h3v3H8z M13 10h3v3h-3z',
  duplicate: 'M8 8h11v11H8z M5 16V5h11',
  front: 'M12 19V7M7 11l5-5 5 5M5 4h14',
  back: 'M12 5v12M7 13l5 5 5-5M5 20h14',
  trash: 'M4 7h16M9 7V4h6v3M6 7l1 13h10l1-13M10 11v6M14 11v6',
  undo: 'M9 14L4 9l5-5M4 9h10a6 6 0 010 12h-3',
  redo: 'M15 14l5-5-5-5M20 9H10a6 6 0 000 12h3',
  info: 'M12 21a9 9 0 100-18 9 9 0 000 18zM12 11v6M12 7.5v.5',
  lock: 'M6 11h12v9H6z M8.5 11V8a3.5 3.5 0 017 0v3',
  link: 'M10 14a4 4 0 005.7 0l3-3a4 4 0 00-5.7-5.7l-1 1M14 10a4 4 0 00-5.7 0l-3 3a4 4 0 005.7 5.7l1-1',
} as const

export type IconName = keyof typeof PATHS

export function Icon({ name }: { name: IconName }) {
  return (
    <svg width="18" height="18" viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth="1.8" strokeLinecap="round" strokeLinejoin="round" aria-hidden="true" focusable="false">
      <path d={PATHS[name]} />
    </svg>
  )
}
