// Work the board did not take, offered back after the reload (keptWork.ts): each item with its
// first line, "Add as a new story" and "Discard", and "Discard all". Calm on purpose: nothing is
// lost while it is open, and it stays until the person decides (in this tab only).
import type { Offer } from './keptWork.ts'
import { offerTitle } from './keptWork.ts'
import type { BoardSession } from '../board/createSession.ts'
import { addKeptStory, discardKept } from '../board/storyActions.ts'
import { useStore } from '../store/useStore.ts'
import './access.css'

const KIND: Record<Offer['kind'], string> = {
  missing: 'a story the board does not have',
  changed: 'your wording of a story the board holds differently',
}

export function KeptWork({ session }: { session: BoardSession }) {
  const offers = useStore(session.device, (d) => d.offers)
  const canEdit = useStore(session.access, (a) => a.canEdit)
  if (offers.length === 0) return null
  return (
    <section className="kept-work" aria-labelledby="kept-work-title" data-testid="kept-work">
      <h2 id="kept-work-title">Your offline changes the board did not take</h2>
      <p className="hint">
        Kept on this device only. Add what you still want as new stories; the rest can go.
        {!canEdit && ' You can add them once the board can be changed again.'}
      </p>
      <ul>
        {offers.map((o) => (
          <li key={o.id} data-testid="kept-item" data-story-id={o.id} data-kind={o.kind}>
            <span className="kept-text">
              <span className="kept-title">{offerTitle(o.text)}</span>
              <span className="hint">{KIND[o.kind]}</span>
            </span>
            <span className="kept-actions">
              <button type="button" onClick={() => addKeptStory(session, o.id)} disabled={!canEdit} data-testid="kept-add">
                Add as a new story
              </button>
              <button type="button" onClick={() => discardKept(session, [o.id])} data-testid="kept-discard">
                Discard
              </button>
            </span>
          </li>
        ))}
      </ul>
      <div className="kept-footer">
        <button type="button" onClick={() => discardKept(session)} data-testid="kept-discard-all">
          Discard all
        </button>
      </div>
    </section>
  )
}
