// Consent on a story: who gave it (a role or pseudonym, never required to be a name), what it
// covers, and when. The rules every use of a story asks (raising, sharing, exports, reports) live
// here so they cannot drift apart. Pure module: may not touch the DOM, the network or Node.
import { z } from 'zod'
import type { Sensitivity } from './story.ts'

/**
 * board: used on this board; linkedBoards: may travel to linked boards as a summary (counts and,
 * with `quotes`, a short quote); quotes: may be quoted in reports and on linked boards;
 * publication: may appear in published work.
 */
export const CONSENT_SCOPES = ['board', 'linkedBoards', 'quotes', 'publication'] as const
export type ConsentScope = (typeof CONSENT_SCOPES)[number]
export const ConsentScope = z.enum(CONSENT_SCOPES)

export const CONSENT_SCOPE_LABELS: Record<ConsentScope, string> = {
  board: 'This board',
  linkedBoards: 'Linked boards, as a summary',
  quotes: 'Quotes in reports',
  publication: 'Publication',
}

export const Consent = z.object({
  /** A role ("tenant", "support worker") or a pseudonym: never required to be a name. */
  givenBy: z.string().trim().min(1, 'say who gave consent (a role or pseudonym is enough)').max(120),
  covers: z
    .array(ConsentScope)
    .max(CONSENT_SCOPES.length)
    .refine((c) => new Set(c).size === c.length, 'each scope once'),
  /** The day consent was given (YYYY-MM-DD). */
  date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'a date is YYYY-MM-DD'),
})
export type Consent = z.infer<typeof Consent>

/** What the rules read of a story: its sensitivity and its consent record, if any. */
export type ConsentSubject = { sensitivity: Sensitivity; consent?: Consent | undefined }

const covers = (s: ConsentSubject, scope: ConsentScope): boolean => s.consent?.covers.includes(scope) ?? false

/**
 * May anything of the story beyond a count leave its board (to a linked board as a summary)?
 * Only `working` stories, and only with consent for linked boards. Others still add to counts.
 */
export const carriable = (s: ConsentSubject): boolean => s.sensitivity === 'working' && covers(s, 'linkedBoards')

/** May the story be quoted (reports, exports, and, when also carriable, cards on linked boards)? */
export const quotable = (s: ConsentSubject): boolean => s.sensitivity === 'working' && covers(s, 'quotes')

/** May the story be quoted on a linked board (a raised condition or a shared reference)? */
export const quotableOnLinkedBoards = (s: ConsentSubject): boolean => carriable(s) && quotable(s)

/** May the story appear in published work? */
export const publishable = (s: ConsentSubject): boolean => quotable(s) && covers(s, 'publication')

/** A short sentence for the story panel and reports. */
export function consentSummary(consent: Consent | undefined): string {
  if (!consent) return 'No consent recorded: counted only, never quoted or carried'
  const scopes = consent.covers.map((c) => CONSENT_SCOPE_LABELS[c].toLowerCase())
  return `Consent from ${consent.givenBy} on ${consent.date}: ${scopes.length ? scopes.join(', ') : 'nothing beyond counts'}`
}
