// The key a connection proves its Yjs client ids with ([H12]). The Learning Wall client sends a
// random secret of its document as `clientKey` (client/session/clientKey.ts); a stock client has
// only the session it signed in with (cookie, bearer or `token`), which serves instead. Stored is a
// hash of the key bound to the room: nothing that names a person, nothing that links two rooms,
// and not the session's own stored hash.
import { createHash } from 'node:crypto'

const CLIENT_KEY = /^[A-Za-z0-9_-]{22,128}$/

/** The hash a room stores for a connection's key, or null for a connection without one. */
export function connectionKey(room: string, url: URL, sessionToken: string | undefined): string | null {
  const own = url.searchParams.get('clientKey')
  const secret = own !== null && CLIENT_KEY.test(own) ? `client:${own}` : sessionToken ? `session:${sessionToken}` : null
  if (secret === null) return null
  return createHash('sha256').update(`learning-wall client id key\0${room}\0${secret}`).digest('base64url')
}
