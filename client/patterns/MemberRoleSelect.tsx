// A story's role in its pattern: supporting or counter-example. Used on the pattern panel, the
// story panel and in the outline.
import type { MemberRole } from '../../shared/model/pattern.ts'
import { setMemberRole } from '../board/patternActions.ts'
import type { BoardSession } from '../board/createSession.ts'

type Props = { session: BoardSession; storyId: string; patternId: string; role: MemberRole; label: string; testId?: string }

export function MemberRoleSelect({ session, storyId, patternId, role, label, testId = 'member-role' }: Props) {
  return (
    <select
      value={role}
      aria-label={label}
      className={role === 'counter-example' ? 'role-counter' : ''}
      onChange={(e) => setMemberRole(session, storyId, patternId, e.target.value === 'counter-example' ? 'counter-example' : 'supports')}
      data-testid={testId}
      data-story-id={storyId}
    >
      <option value="supports">Supports</option>
      <option value="counter-example">Counter-example</option>
    </select>
  )
}
