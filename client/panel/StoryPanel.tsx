// The story panel: the model's optional fields for the selected story, saved through the
// updateStoryFields operation when a field is left or changed; consent, sensitivity and withdrawal
// (client/ethics). A restricted story shows its content to facilitators and owners only.
import { useState } from 'react'
import { OUTCOMES } from '../../shared/model/story.ts'
import type { BoardSession } from '../board/createSession.ts'
import { updateFields } from '../board/storyActions.ts'
import type { StoryView } from '../store/boardStore.ts'
import { useStore } from '../store/useStore.ts'
import { optionalText, tagsToText, textToTags } from './fieldValues.ts'
import { MeasuresEditor } from './MeasuresEditor.tsx'
import { StoryPatternField } from './StoryPatternField.tsx'
import { ConsentFields } from '../ethics/ConsentFields.tsx'
import { RestrictedStoryDetails } from '../ethics/RestrictedStoryDetails.tsx'
import { SensitivityField } from '../ethics/SensitivityField.tsx'
import { WithdrawControl } from '../ethics/WithdrawControl.tsx'

export function StoryPanel({ session }: { session: BoardSession }) {
  const selection = useStore(session.ui, (s) => s.selection)
  const id = selection.size === 1 ? [...selection][0] : undefined
  const story = useStore(session.board, (s) => (id ? s.stories.get(id) : undefined))
  return (
    <aside className="story-panel" aria-label="Story details" data-overlay data-testid="story-panel">
      <header>
        <h2>Story details</h2>
        <button type="button" aria-label="Close story details" onClick={() => session.ui.setState({ panelOpen: false })}>
          ×
        </button>
      </header>
      {!story ? (
        <p className="hint">Select one story to see and edit its details.</p>
      ) : story.sensitivity === 'restricted' ? (
        <div className="story-fields" data-story-id={story.id}>
          <StoryPatternField session={session} storyId={story.id} />
          <RestrictedStoryDetails session={session} storyId={story.id} />
          <SensitivityField session={session} storyId={story.id} sensitivity={story.sensitivity} />
          <WithdrawControl session={session} storyId={story.id} />
        </div>
      ) : (
        <StoryFieldsForm key={story.id} session={session} story={story} />
      )}
    </aside>
  )
}

function StoryFieldsForm({ session, story }: { session: BoardSession; story: StoryView }) {
  const [experiment, setExperiment] = useState(story.experiment ?? '')
  const [tellerRole, setTellerRole] = useState(story.tellerRole ?? '')
  const [date, setDate] = useState(story.date ?? '')
  const [tags, setTags] = useState(tagsToText(story.tags))
  const save = (fields: Record<string, unknown>) => updateFields(session, story.id, fields)
  return (
    <form className="story-fields" onSubmit={(e) => e.preventDefault()} data-story-id={story.id}>
      <StoryPatternField session={session} storyId={story.id} />
      <label>
        Experiment
        <input value={experiment} onChange={(e) => setExperiment(e.target.value)} onBlur={() => save({ experiment: optionalText(experiment) })} maxLength={200} />
      </label>
      <label>
        Teller role
        <input value={tellerRole} onChange={(e) => setTellerRole(e.target.value)} onBlur={() => save({ tellerRole: optionalText(tellerRole) })} maxLength={120} placeholder="e.g. tenant, support worker" />
      </label>
      <label>
        Date
        <input type="date" value={date} onChange={(e) => setDate(e.target.value)} onBlur={() => save({ date: optionalText(date) })} />
      </label>
      <label>
        Tags <span className="hint">(comma separated)</span>
        <input value={tags} onChange={(e) => setTags(e.target.value)} onBlur={() => save({ tags: textToTags(tags) })} />
      </label>
      <label>
        Outcome
        <select value={story.outcome ?? ''} onChange={(e) => save({ outcome: e.target.value || null })}>
          <option value="">Not set</option>
          {OUTCOMES.map((o) => (
            <option key={o} value={o}>
              {o[0]!.toUpperCase() + o.slice(1)}
            </option>
          ))}
        </select>
      </label>
      <MeasuresEditor story={story} commit={(measures) => save({ measures })} />
      <SensitivityField session={session} storyId={story.id} sensitivity={story.sensitivity} />
      <ConsentFields key={JSON.stringify(story.consent ?? null)} consent={story.consent} save={(consent) => save({ consent })} />
      <WithdrawControl session={session} storyId={story.id} />
    </form>
  )
}
