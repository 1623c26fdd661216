// A facilitated session on a board: method template and phase, timer, private writing, locks,
// attention (spotlight, hidden cursors, summon). The state lives in the server-only `session`
// root; facilitators change it through the server. Templates are versioned data. Pure module.
import type * as Y from 'yjs'
import { z } from 'zod'
import { Rect } from './geometry.ts'

export const Phase = z.object({
  id: z.string().min(1).max(40),
  name: z.string().min(1).max(80),
  prompt: z.string().max(500),
  minutes: z.number().int().min(0).max(600),
  /** Stories written in this phase are private drafts until reveal. */
  private: z.boolean().default(false),
  voting: z.boolean().default(false),
})
export type Phase = z.infer<typeof Phase>

export const TemplateArea = z.object({
  label: z.string().min(1).max(80),
  kind: z.enum(['table', 'column', 'zone']),
  rect: Rect,
})
export type TemplateArea = z.infer<typeof TemplateArea>

export const Template = z.object({
  id: z.string().regex(/^[a-z0-9-]+$/),
  version: z.number().int().min(1),
  name: z.string().min(1).max(80),
  description: z.string().max(500),
  phases: z.array(Phase).min(1).max(30),
  areas: z.array(TemplateArea).max(60).default([]),
})
export type Template = z.infer<typeof Template>

export const Timer = z.object({
  durationMs: z.number().int().min(0),
  /** ISO time the timer last started; null while paused or stopped. */
  startedAt: z.string().nullable(),
  /** Time left when it last paused (or the full duration before the first start). */
  remainingMs: z.number().int(),
})
export type Timer = z.infer<typeof Timer>

export const SessionState = z.object({
  templateId: z.string(),
  /** The method's name as started (a template from the operator's folder is not known to clients). */
  templateName: z.string().max(80).default(''),
  templateVersion: z.number().int(),
  phases: z.array(Phase),
  phaseIndex: z.number().int().min(0),
  private: z.boolean(),
  timer: Timer.nullable(),
  locked: z.boolean(),
  lockedItems: z.array(z.string()),
  spotlight: z.string().nullable(),
  hideCursors: z.boolean(),
  summon: z.object({ x: z.number(), y: z.number(), zoom: z.number(), at: z.string() }).nullable(),
  /**
   * Follow me: everyone's view follows the awareness `view` of this Yjs client id. Named here, by a
   * facilitator through the server, so a participant cannot make the room follow them: the server
   * lets only that client's own connection write its awareness entry.
   */
  follow: z.object({ clientId: z.number().int().min(0), name: z.string().max(80) }).nullable().default(null),
})
export type SessionState = z.infer<typeof SessionState>

export const SESSION_KEY = 'state'

export function readSession(doc: Y.Doc): SessionState | null {
  const parsed = SessionState.safeParse(doc.getMap('session').get(SESSION_KEY))
  return parsed.success ? parsed.data : null
}

export const emptySession = (): SessionState => ({
  templateId: 'none',
  templateName: '',
  templateVersion: 0,
  phases: [],
  phaseIndex: 0,
  private: false,
  timer: null,
  locked: false,
  lockedItems: [],
  spotlight: null,
  hideCursors: false,
  summon: null,
  follow: null,
})

/** Milliseconds left on a timer at `now`. */
export function timeLeft(timer: Timer, now: number): number {
  if (!timer.startedAt) return timer.remainingMs
  return Math.max(0, timer.remainingMs - (now - Date.parse(timer.startedAt)))
}

export type TimerOp = { op: 'start' } | { op: 'pause' } | { op: 'extend'; ms: number } | { op: 'reset'; ms?: number }

export function applyTimer(timer: Timer | null, action: TimerOp, now: number, defaultMs: number): Timer {
  const t = timer ?? { durationMs: defaultMs, startedAt: null, remainingMs: defaultMs }
  const iso = new Date(now).toISOString()
  switch (action.op) {
    case 'start':
      return t.startedAt ? t : { ...t, startedAt: iso }
    case 'pause':
      return t.startedAt ? { ...t, startedAt: null, remainingMs: timeLeft(t, now) } : t
    case 'extend': {
      const left = timeLeft(t, now) + action.ms
      return { durationMs: t.durationMs + action.ms, startedAt: t.startedAt ? iso : null, remainingMs: left }
    }
    case 'reset': {
      const ms = action.ms ?? t.durationMs
      return { durationMs: ms, startedAt: null, remainingMs: ms }
    }
  }
}

/** Room names: the board itself, a person's private drafts, and (later) restricted content. */
export const draftRoom = (boardId: string, userId: string): string => `${boardId}~draft~${userId}`

export function parseRoom(room: string): { boardId: string; draftOf: string | null; restricted: boolean } | null {
  const m = /^([A-Za-z0-9_-]{6,64})(?:~draft~([A-Za-z0-9_-]{6,64})|(~restricted))?$/.exec(room)
  return m ? { boardId: m[1]!, draftOf: m[2] ?? null, restricted: m[3] !== undefined } : null
}
