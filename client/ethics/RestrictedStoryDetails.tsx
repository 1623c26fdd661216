// The story panel for a restricted story. Facilitators and owners see its content, read from the
// restricted room, under a clear marker (consent is edited there too); everyone else sees that the
// story exists and where, and nothing of it.
import { updateStoryFields } from '../../shared/ops/story.ts'
import type { BoardSession } from '../board/createSession.ts'
import { ConsentFields } from './ConsentFields.tsx'
import { useRestrictedStory } from './useRestrictedStory.ts'

export function RestrictedStoryDetails({ session, storyId }: { session: BoardSession; storyId: string }) {
  const { story, room, loading } = useRestrictedStory(session, storyId, true)
  if (!room) {
    return (
      <div className="restricted-marker" role="note">
        <strong>Restricted story</strong>
        <p>Its text and details are visible to facilitators and owners only, and are not sent to your copy of the board.</p>
      </div>
    )
  }
  if (loading && !story) return <p className="hint">Opening the restricted content…</p>
  if (!story) return <p className="hint">The restricted content of this story is not available.</p>
  const fields: Array<[string, string | undefined]> = [
    ['Experiment', story.experiment],
    ['Teller role', story.tellerRole],
    ['Date', story.date],
    ['Tags', story.tags.join(', ') || undefined],
    ['Outcome', story.outcome],
  ]
  return (
    <div className="restricted-content" data-testid="restricted-content">
      <p className="restricted-marker" role="note">
        <strong>Restricted</strong>: visible to facilitators and owners only. Others see a placeholder.
      </p>
      <blockquote className="restricted-text">{story.text || 'No text'}</blockquote>
      <dl>
        {fields
          .filter(([, v]) => v)
          .map(([k, v]) => (
            <div key={k}>
              <dt>{k}</dt>
              <dd>{v}</dd>
            </div>
          ))}
      </dl>
      <ConsentFields
        key={JSON.stringify(story.consent ?? null)}
        consent={story.consent}
        save={(consent) => void updateStoryFields(room.doc, { id: storyId, fields: { consent } }, { kind: 'local' })}
      />
    </div>
  )
}
