// The canvas tools: select and hand, new story, pattern, colour, arrange, undo, details.
import { STORY_COLOURS } from '../../shared/model/geometry.ts'
import type { BoardSession } from '../board/createSession.ts'
import { groupIntoPattern } from '../board/patternActions.ts'
import { recolourSelection } from '../board/storyActions.ts'
import { useStore } from '../store/useStore.ts'
import { runCommand } from '../tools/runCommand.ts'
import { Icon, type IconName } from './Icon.tsx'

const COLOUR_NAMES: Record<string, string> = {
  '#fff3a8': 'yellow',
  '#ffd6a5': 'orange',
  '#caffbf': 'green',
  '#9bf6ff': 'blue',
  '#bdb2ff': 'violet',
  '#ffc6ff': 'pink',
  '#fdffb6': 'cream',
  '#e9ecef': 'grey',
}

export function Toolbar({ session }: { session: BoardSession }) {
  const tool = useStore(session.ui, (s) => s.tool)
  const colour = useStore(session.ui, (s) => s.colour)
  const count = useStore(session.ui, (s) => s.selection.size)
  const panelOpen = useStore(session.ui, (s) => s.panelOpen)
  const b = (label: string, icon: IconName, onClick: () => void, extra: { pressed?: boolean; disabled?: boolean } = {}) => (
    <button type="button" aria-label={label} title={label} onClick={onClick} aria-pressed={extra.pressed} disabled={extra.disabled}>
      <Icon name={icon} />
    </button>
  )
  // With stories selected: group them (and name the pattern in place). Without: draw an area.
  const group = () => (count ? groupIntoPattern(session) : session.ui.setState({ tool: tool === 'pattern' ? 'select' : 'pattern' }))
  return (
    <div className="toolbar" role="toolbar" aria-label="Canvas tools" aria-orientation="vertical" data-overlay>
      {b('Select (V)', 'select', () => session.ui.setState({ tool: 'select' }), { pressed: tool === 'select' })}
      {b('Hand: pan the canvas (H)', 'hand', () => session.ui.setState({ tool: 'hand' }), { pressed: tool === 'hand' })}
      <hr />
      {b('New story (N)', 'plus', () => runCommand(session, 'newStory'))}
      {b(count ? `Group ${count} selected stories into a pattern (G)` : 'Pattern: drag to draw an area (P)', 'pattern', group, { pressed: tool === 'pattern' })}
      <hr />
      <div className="swatches" role="group" aria-label="Story colour">
        {STORY_COLOURS.map((c) => (
          <button key={c} type="button" className="swatch" style={{ background: c }} aria-label={`Colour ${COLOUR_NAMES[c] ?? c}`} aria-pressed={colour === c} onClick={() => recolourSelection(session, c)} />
        ))}
      </div>
      <hr />
      {b('Duplicate (⌘/Ctrl+D)', 'duplicate', () => runCommand(session, 'duplicate'), { disabled: !count })}
      {b('Bring to front (])', 'front', () => runCommand(session, 'front'), { disabled: !count })}
      {b('Send to back ([)', 'back', () => runCommand(session, 'back'), { disabled: !count })}
      {b('Delete (Delete)', 'trash', () => runCommand(session, 'delete'), { disabled: !count })}
      <hr />
      {b('Undo (⌘/Ctrl+Z)', 'undo', () => runCommand(session, 'undo'))}
      {b('Redo (⇧⌘Z or Ctrl+Y)', 'redo', () => runCommand(session, 'redo'))}
      {b('Story details (I)', 'info', () => runCommand(session, 'panel'), { pressed: panelOpen })}
      {b('Connected cycles', 'link', () => session.cycles.ui.setState({ panel: 'links' }))}
    </div>
  )
}
