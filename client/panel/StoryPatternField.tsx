// Which pattern a story is in and its role there (supports or counter-example), on the story panel.
import { membersById } from '../board/patternActions.ts'
import type { BoardSession } from '../board/createSession.ts'
import { moveToPattern } from '../board/storyActions.ts'
import { MemberRoleSelect } from '../patterns/MemberRoleSelect.tsx'
import { useStore } from '../store/useStore.ts'
import { PatternOptions } from '../patterns/PatternOptions.tsx'

export function StoryPatternField({ session, storyId }: { session: BoardSession; storyId: string }) {
  const patterns = useStore(session.board, (s) => s.patterns)
  const member = membersById(patterns).get(storyId)
  return (
    <div className="story-pattern">
      <label>
        Pattern
        <select value={member?.pattern ?? ''} onChange={(e) => moveToPattern(session, storyId, e.target.value || null)} data-testid="story-panel-pattern">
          <PatternOptions patterns={patterns} />
        </select>
      </label>
      {member && (
        <label>
          Role in the pattern
          <MemberRoleSelect session={session} storyId={storyId} patternId={member.pattern} role={member.role} label="Role in the pattern" testId="story-panel-role" />
        </label>
      )}
    </div>
  )
}
