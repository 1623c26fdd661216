// The storage interface every adapter implements, proven alike by one contract suite
// (contract.ts). Documents are stored as an append-only log of V2 updates plus a compacted
// snapshot; relational records (boards now; people, links, audit later) sit beside them.
import type { CycleElement, Scale } from '../../shared/model/cycle.ts'

export type BoardRecord = {
  id: string
  title: string
  scale: Scale
  element: CycleElement
  createdAt: string
  updatedAt: string
}

export type StoredDoc = {
  /** Compacted state (V2), or null before the first compaction. */
  snapshot: Uint8Array | null
  /** V2 updates appended after the snapshot, in order. */
  updates: Uint8Array[]
  /** Sequence number of the last update (0 when none was ever stored). */
  lastSeq: number
}

export type DocStats = { snapshotBytes: number; logBytes: number; logCount: number }

export interface DocStore {
  load(boardId: string): Promise<StoredDoc>
  /** Durable when the promise resolves; returns the sequence number of the last one. */
  append(boardId: string, updatesV2: Uint8Array[]): Promise<number>
  /** Replaces the snapshot and drops log entries up to and including `uptoSeq`, atomically. */
  compact(boardId: string, snapshotV2: Uint8Array, uptoSeq: number): Promise<void>
  stats(boardId: string): Promise<DocStats>
}

export type BoardChanges = Partial<Pick<BoardRecord, 'title' | 'scale' | 'element'>>

export interface BoardStore {
  create(board: BoardRecord): Promise<BoardRecord>
  get(id: string): Promise<BoardRecord | null>
  list(): Promise<BoardRecord[]>
  update(id: string, changes: BoardChanges): Promise<BoardRecord | null>
}

export interface Storage {
  readonly kind: 'sqlite' | 'postgres'
  readonly docs: DocStore
  readonly boards: BoardStore
  close(): Promise<void>
}
