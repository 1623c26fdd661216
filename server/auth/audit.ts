// Audit entries: who did what to which board. Details hold ids, roles and counts, never story
// text, names typed into stories or tokens.
import type { AuditEntry, Storage } from '../storage/types.ts'

export type Audit = (entry: Omit<AuditEntry, 'id' | 'at'>) => Promise<void>

export const auditTo =
  (storage: Storage): Audit =>
  (entry) =>
    storage.audit.write({ ...entry, at: new Date().toISOString() })
