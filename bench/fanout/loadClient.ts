// One light load client: a raw `ws` socket speaking the sync protocol directly, no provider and
// no Awareness instance. It sends its own awareness entry (own client id, increasing clock) with a
// send timestamp in the state JSON; draggers also keep a tiny Y.Doc holding only their own story
// and commit one position per drag end. Probe clients decode what they receive to time it.
import * as decoding from 'lib0/decoding'
import WebSocket from 'ws'
import * as Y from 'yjs'
import { createStory } from '../../shared/ops/story.ts'
import { Histogram } from '../lib/hist.ts'
import { SYNC, type Wire } from './wire.ts'

export const now = (): number => performance.timeOrigin + performance.now()

/** Counters shared by all clients of one worker; only touched while `measuring`. */
export class Tally {
  measuring = false
  frames = 0
  bytes = 0
  entries = 0
  awarenessSent = 0
  updatesSent = 0
  readonly awareness = new Histogram()
  readonly updates = new Histogram()
  /** The same, only for what came from a client on another server instance (scale-out runs). */
  readonly crossAwareness = new Histogram()
  readonly crossUpdates = new Histogram()
  /** Entries from a client on the same instance, in the same scale-out run (the fair baseline). */
  readonly sameAwareness = new Histogram()

  reset(): void {
    this.frames = this.bytes = this.entries = this.awarenessSent = this.updatesSent = 0
  }
}

export type ClientSpec = {
  url: string
  /** Which server instance this client is on, and every client's (clientId → instance). */
  instance: number
  instances: ReadonlyMap<number, number>
  /** A relay has no document: the client is ready on open and answers no sync messages. */
  relay: boolean
  wire: Wire
  clientId: number
  dragger: boolean
  probe: boolean
  cursorHz: number
  dragHz: number
  dragMs: number
}

export class LoadClient {
  readonly ws: WebSocket
  ready = false
  nextSend = 0
  private clock = 0
  private x = Math.random() * 2000
  private y = Math.random() * 1200
  private doc: Y.Doc | null = null
  private story: Y.Map<unknown> | null = null
  private storyId = ''
  private dragEnds = 0
  private readonly period: number

  constructor(
    private readonly spec: ClientSpec,
    private readonly tally: Tally,
    private readonly onReady: () => void,
  ) {
    this.period = 1000 / (spec.dragger ? spec.dragHz : spec.cursorHz)
    this.ws = new WebSocket(spec.url, { perMessageDeflate: false })
    this.ws.binaryType = 'nodebuffer'
    this.ws.on('open', () => this.opened())
    this.ws.on('message', (data: Buffer) => this.received(data))
    this.ws.on('error', () => {})
  }

  private opened(): void {
    const { wire } = this.spec
    const auth = wire.auth()
    if (auth) this.ws.send(auth)
    if (!this.spec.relay) this.ws.send(wire.sync(SYNC.step1, new Uint8Array([0])))
    this.sendAwareness(now())
    if (this.spec.relay) this.becomeReady()
  }

  private becomeReady(): void {
    if (this.ready) return
    this.ready = true
    if (this.spec.dragger) this.createOwnStory()
    this.onReady()
  }

  private createOwnStory(): void {
    const doc = new Y.Doc()
    doc.clientID = this.spec.clientId
    doc.on('update', (u: Uint8Array) => this.ws.send(this.spec.wire.sync(SYNC.update, u)))
    const made = createStory(
      doc,
      { pos: { x: this.x, y: this.y }, text: 'bench story' },
      { kind: 'local' },
    )
    if (!made.ok) throw new Error(made.error.message)
    this.doc = doc
    this.storyId = made.value.id
    this.story = doc.getMap('stories').get(made.value.id) as Y.Map<unknown>
  }

  /** Called by the worker's ticker; sends when due. */
  tick(t: number): void {
    if (!this.ready || t < this.nextSend) return
    this.nextSend = this.nextSend + this.period < t ? t + this.period : this.nextSend + this.period
    this.x += (Math.random() - 0.5) * 20
    this.y += (Math.random() - 0.5) * 20
    if (this.spec.dragger && this.story) {
      const ends = Math.floor(t / this.spec.dragMs)
      if (this.dragEnds && ends !== this.dragEnds) this.commitDrag()
      this.dragEnds = ends
    }
    this.sendAwareness(now())
  }

  private sendAwareness(t: number): void {
    const cx = Math.round(this.x)
    const cy = Math.round(this.y)
    const drag =
      this.spec.dragger && this.storyId ? `,"d":["${this.storyId}",${cx - 40},${cy - 30}]` : ''
    const json = `{"u":"b${this.spec.clientId % 10000}","c":[${cx},${cy}]${drag},"t":${t}}`
    this.ws.send(this.spec.wire.awareness(this.spec.clientId, ++this.clock, json))
    if (this.tally.measuring) this.tally.awarenessSent++
  }

  /** Drag end: one document update, the story's position plus updatedAt (carrying the send time). */
  private commitDrag(): void {
    const story = this.story!
    const t = now()
    this.doc!.transact(
      () => {
        story.set('pos', { x: Math.round(this.x) - 40, y: Math.round(this.y) - 30 })
        story.set('updatedAt', t)
      },
      { kind: 'local' },
    )
    if (this.tally.measuring) this.tally.updatesSent++
  }

  private received(frame: Buffer): void {
    const tally = this.tally
    const t = now()
    if (tally.measuring) {
      tally.frames++
      tally.bytes += frame.length
    }
    const msg = this.spec.wire.decode(frame)
    if (msg.kind === 'awareness') {
      if (!tally.measuring) return
      const d = msg.decoder
      const count = decoding.readVarUint(d)
      if (!this.spec.probe) {
        tally.entries += count === 1 && decoding.readVarUint(d) === this.spec.clientId ? 0 : count
        return
      }
      for (let i = 0; i < count; i++) {
        const client = decoding.readVarUint(d)
        decoding.readVarUint(d)
        const state = decoding.readVarString(d)
        if (client === this.spec.clientId) continue
        tally.entries++
        const sent = (JSON.parse(state) as { t?: number } | null)?.t
        if (typeof sent !== 'number') continue
        tally.awareness.add(t - sent)
        if (this.spec.instances.size === 0) continue
        if (this.isCross(client)) tally.crossAwareness.add(t - sent)
        else tally.sameAwareness.add(t - sent)
      }
    } else if (msg.kind === 'sync') {
      if (msg.sub === SYNC.step1 && !this.spec.relay) {
        const reply = this.doc
          ? Y.encodeStateAsUpdate(this.doc, msg.payload)
          : new Uint8Array([0, 0])
        this.ws.send(this.spec.wire.sync(SYNC.step2, reply))
      } else if (msg.sub === SYNC.step2 && !this.spec.relay) {
        this.becomeReady()
      } else if (msg.sub === SYNC.update && this.spec.probe && tally.measuring) {
        this.timeUpdate(msg.payload, t)
      }
    }
  }

  private timeUpdate(update: Uint8Array, t: number): void {
    // A drag-end update holds two items, pos ({x, y}) and updatedAt (the send time). Items with a
    // left origin carry no parentSub on the wire, so updatedAt is recognised by its value.
    for (const s of Y.decodeUpdate(update).structs) {
      if (
        !(s instanceof Y.Item) ||
        s.id.client === this.spec.clientId ||
        !(s.content instanceof Y.ContentAny)
      )
        continue
      const sent: unknown = s.content.arr[0]
      if (typeof sent !== 'number' || sent <= 1e12) continue
      this.tally.updates.add(t - sent)
      if (this.isCross(s.id.client)) this.tally.crossUpdates.add(t - sent)
    }
  }

  private isCross(clientId: number): boolean {
    const other = this.spec.instances.get(clientId)
    return other !== undefined && other !== this.spec.instance
  }

  close(): void {
    this.ws.terminate()
    this.doc?.destroy()
  }
}
