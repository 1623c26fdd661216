// The name and colour this person shows to others, remembered on this device.
import { PEER_COLOURS, type UserInfo } from '../presence/peers.ts'

const KEY = 'learning-wall:user'

export function loadUser(storage: Pick<Storage, 'getItem' | 'setItem'> | null): UserInfo {
  try {
    const raw = storage?.getItem(KEY)
    const parsed = raw ? (JSON.parse(raw) as Partial<UserInfo>) : null
    if (parsed && typeof parsed.name === 'string' && typeof parsed.colour === 'string') {
      return { name: parsed.name, colour: parsed.colour }
    }
  } catch {
    // A corrupt entry is replaced below.
  }
  const user = {
    name: `Guest ${Math.floor(100 + Math.random() * 900)}`,
    colour: PEER_COLOURS[Math.floor(Math.random() * PEER_COLOURS.length)] ?? '#457b9d',
  }
  saveUser(storage, user)
  return user
}

export function saveUser(storage: Pick<Storage, 'setItem'> | null, user: UserInfo): void {
  try {
    storage?.setItem(KEY, JSON.stringify(user))
  } catch {
    // Private mode or quota: the name lasts for this session only.
  }
}
