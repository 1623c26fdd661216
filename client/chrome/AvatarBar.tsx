// Who is on the board: one avatar per person (and me, where I can change my name).
import { readableTextOn } from './readableText.ts'
import type { BoardSession } from '../board/createSession.ts'
import { saveUser } from '../board/localUser.ts'
import { useStore } from '../store/useStore.ts'

const initials = (name: string) =>
  name
    .split(/\s+/)
    .map((w) => w[0] ?? '')
    .join('')
    .slice(0, 2)
    .toUpperCase()

export function AvatarBar({ session }: { session: BoardSession }) {
  const peers = useStore(session.presence, (s) => s.peers)
  const me = useStore(session.presence, (s) => s.me)
  const rename = () => {
    const name = window.prompt('Your name, as others see it on this board', me.name)?.trim()
    if (!name) return
    const next = { ...me, name: name.slice(0, 60) }
    saveUser(localStorage, next)
    session.setUser(next)
  }
  return (
    <div className="avatars" aria-label={`${peers.length + 1} ${peers.length ? 'people' : 'person'} on this board`} role="group" data-testid="avatars">
      <button type="button" className="avatar me" style={{ background: me.colour, color: readableTextOn(me.colour) }} onClick={rename} title={`${me.name} (you): change your name`} aria-label={`${initials(me.name)}: you, ${me.name}. Change your name`}>
        {initials(me.name)}
      </button>
      {peers.slice(0, 8).map((p) => (
        <span key={p.clientId} className="avatar" style={{ background: p.colour, color: readableTextOn(p.colour) }} title={p.editing ? `${p.name} (writing)` : p.name} aria-label={p.name} role="img" data-peer={p.name}>
          {initials(p.name)}
        </span>
      ))}
      {peers.length > 8 && <span className="avatar more" title={peers.slice(8).map((p) => p.name).join(', ')}>+{peers.length - 8}</span>}
    </div>
  )
}
