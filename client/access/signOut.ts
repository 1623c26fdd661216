// Signing out leaves nothing of any board on this device (workshop phones are shared): every
// offline copy and every note this tab kept are deleted, and the app's other tabs are told, so a
// board open there ends as a 4401 would and deletes its own copy too.
import { clearSessionNotes, deleteCopies, isAnyCopy } from '../board/offlineCopy.ts'

const CHANNEL = 'learning-wall:signed-out'
/** A store another tab keeps open must not hold the sign-out back for long. */
const DELETE_WAIT_MS = 3000

export async function signOutOfDevice(signOut: () => Promise<unknown>): Promise<void> {
  if (typeof BroadcastChannel !== 'undefined') {
    const channel = new BroadcastChannel(CHANNEL)
    channel.postMessage('signed-out')
    channel.close()
  }
  clearSessionNotes(sessionStorage)
  await Promise.race([
    deleteCopies(indexedDB, isAnyCopy),
    new Promise((resolve) => setTimeout(resolve, DELETE_WAIT_MS)),
  ])
  await signOut()
}

/** Calls `f` when this browser signs out in another tab; returns the function that stops. */
export function onSignedOutElsewhere(f: () => void): () => void {
  if (typeof BroadcastChannel === 'undefined') return () => undefined
  const channel = new BroadcastChannel(CHANNEL)
  channel.onmessage = () => f()
  return () => channel.close()
}
