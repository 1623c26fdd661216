// The board header's connected-cycles part: scale and element badges, then the cycles buttons.
import type { BoardSession } from '../board/createSession.ts'
import { CycleBadges } from './CycleBadges.tsx'
import { CyclesNav } from './CyclesNav.tsx'
import './cycles.css'

export function CyclesHeader({ session }: { session: BoardSession }) {
  return (
    <>
      <CycleBadges session={session} />
      <CyclesNav session={session} />
    </>
  )
}
