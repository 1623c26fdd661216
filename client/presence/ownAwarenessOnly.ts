// The stock y-websocket provider re-sends every awareness update it receives, including other
// people's (see docs field notes: an echo storm with many cursors). This swaps its handler for one
// that sends only this client's own state, and never what came in through the provider itself.
import * as bc from 'lib0/broadcastchannel'
import * as encoding from 'lib0/encoding'
import { encodeAwarenessUpdate } from 'y-protocols/awareness'
import type { WebsocketProvider } from 'y-websocket'
import { MESSAGE } from '../../shared/protocol/messages.ts'

type Changes = { added: number[]; updated: number[]; removed: number[] }

/** Installs the filtered handler; returns a function that removes it again. */
export function sendOwnAwarenessOnly(provider: WebsocketProvider): () => void {
  const { awareness } = provider
  awareness.off('update', provider._awarenessUpdateHandler)
  const handler = ({ added, updated, removed }: Changes, origin: unknown) => {
    if (origin === provider) return
    const own = awareness.clientID
    const changed = [...added, ...updated, ...removed].filter((id) => id === own)
    if (changed.length === 0) return
    const encoder = encoding.createEncoder()
    encoding.writeVarUint(encoder, MESSAGE.awareness)
    encoding.writeVarUint8Array(encoder, encodeAwarenessUpdate(awareness, changed))
    const message = encoding.toUint8Array(encoder)
    const ws = provider.ws
    if (provider.wsconnected && ws && ws.readyState === ws.OPEN) ws.send(message)
    if (provider.bcconnected) bc.publish(provider.bcChannel, message, provider)
  }
  provider._awarenessUpdateHandler = handler
  awareness.on('update', handler)
  return () => awareness.off('update', handler)
}
