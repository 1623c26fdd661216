// The editor's link rule: the shared one (shared/model/link.ts), for links a person types or pastes,
// so a bare domain becomes https.
import { safeHref as sharedSafeHref } from '../../shared/model/link.ts'

export const safeHref = (raw: string): string | null => sharedSafeHref(raw, { typed: true })
