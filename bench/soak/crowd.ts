// The soak's crowd: CROWD_CLIENTS stock y-websocket clients that keep joining, writing, moving
// and leaving for CROWD_MS, spread over the given boards. Each visit is a new connection with a
// new Y.Doc (a new Yjs client id), as a person reloading or a phone waking up would be. Prints a
// JSON line of totals at the end; everyone has left by then.
import WebSocket from 'ws'
import { WebsocketProvider } from 'y-websocket'
import * as Y from 'yjs'
import { storiesMap } from '../../shared/model/layout.ts'
import { createStory, moveStories } from '../../shared/ops/story.ts'

const [wsUrl, token, boardList] = process.argv.slice(2) as [string, string, string]
const boards = boardList.split(',')
const CLIENTS = Number(process.env.CROWD_CLIENTS ?? 200)
const DURATION_MS = Number(process.env.CROWD_MS ?? 60_000)
const local = { kind: 'local' } as const
const totals = { visits: 0, stories: 0, moves: 0, presence: 0, failedVisits: 0 }
const rand = (lo: number, hi: number) => lo + Math.random() * (hi - lo)
const ends = Date.now() + DURATION_MS

async function visit(): Promise<void> {
  const doc = new Y.Doc()
  const board = boards[Math.floor(Math.random() * boards.length)]!
  const provider = new WebsocketProvider(wsUrl, board, doc, {
    WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
    params: { token },
    disableBc: true,
  })
  const stayMs = Math.min(rand(5_000, 40_000), Math.max(0, ends - Date.now()))
  const timers: NodeJS.Timeout[] = []
  try {
    await new Promise<void>((resolve, reject) => {
      const t = setTimeout(() => reject(new Error('no sync')), 15_000)
      provider.once('sync', () => (clearTimeout(t), resolve()))
    })
    totals.visits++
    provider.awareness.setLocalStateField('user', {
      name: `P${doc.clientID % 1000}`,
      colour: '#336699',
    })
    timers.push(
      setInterval(() => {
        provider.awareness.setLocalStateField('pointer', { x: rand(0, 2000), y: rand(0, 1200) })
        totals.presence++
      }, 200),
    )
    timers.push(
      setInterval(() => {
        const ids = [...storiesMap(doc).keys()]
        if (ids.length < 20 || Math.random() < 0.2) {
          if (
            createStory(
              doc,
              {
                pos: { x: rand(0, 3000), y: rand(0, 2000) },
                text: `Soak story ${totals.stories}: waited weeks for a reply`,
              },
              local,
            ).ok
          )
            totals.stories++
        } else {
          const id = ids[Math.floor(Math.random() * ids.length)]!
          if (
            moveStories(
              doc,
              { moves: [{ id, pos: { x: rand(0, 3000), y: rand(0, 2000) } }] },
              local,
            ).ok
          )
            totals.moves++
        }
      }, 3000),
    )
    await new Promise((r) => setTimeout(r, stayMs))
  } catch {
    totals.failedVisits++
  } finally {
    for (const t of timers) clearInterval(t)
    provider.destroy()
    doc.destroy()
  }
}

async function person(): Promise<void> {
  // Staggered arrivals, then visits back to back until the end.
  await new Promise((r) => setTimeout(r, rand(0, 5000)))
  while (Date.now() < ends) await visit()
}

await Promise.all(Array.from({ length: CLIENTS }, person))
process.stdout.write(`${JSON.stringify(totals)}\n`)
process.exit(0)
