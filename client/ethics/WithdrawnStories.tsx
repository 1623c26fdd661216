// Withdrawn stories in the outline: that a story was withdrawn and when, nothing of its content
// (the board document keeps only its place and time, shared/model/withdrawal.ts).
import { useEffect, useState } from 'react'
import { readWithdrawn, withdrawnMap } from '../../shared/model/withdrawal.ts'
import type { BoardSession } from '../board/createSession.ts'

export function WithdrawnStories({ session }: { session: BoardSession }) {
  const [marks, setMarks] = useState(() => readWithdrawn(session.doc))
  useEffect(() => {
    const map = withdrawnMap(session.doc)
    const read = () => setMarks(readWithdrawn(session.doc))
    map.observe(read)
    read()
    return () => map.unobserve(read)
  }, [session])
  if (marks.length === 0) return null
  return (
    <section className="outline-group" aria-labelledby="outline-withdrawn" data-testid="outline-withdrawn">
      <h3 id="outline-withdrawn">
        Withdrawn stories<span className="count"> ({marks.length})</span>
      </h3>
      <p className="hint">Erased at the teller’s request: nothing of them is kept.</p>
      <ul>
        {marks.map((m) => (
          <li key={m.id}>Withdrawn on {new Date(m.at).toLocaleDateString()}</li>
        ))}
      </ul>
    </section>
  )
}
