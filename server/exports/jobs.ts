// Export jobs: heavy renders (PDF, PNG) run in worker threads so that nobody editing a board waits
// on them. A job reports progress while it runs; the person who asked for it polls and then
// fetches the file. At most `concurrency` workers (default 1: the machines have two cores), kept
// between jobs; finished jobs are kept a few minutes.
import { Worker } from 'node:worker_threads'
import { newId } from '../../shared/model/ids.ts'
import type { Log } from '../log.ts'
import type { WorkerMessage, WorkerRequest } from './exportWorker.ts'
import { CONTENT_TYPES, type RenderJob } from './render.ts'

export type JobStatus = 'queued' | 'running' | 'done' | 'failed'

export type ExportJob = {
  id: string
  boardId: string
  userId: string
  kind: RenderJob['kind']
  fileName: string
  contentType: string
  status: JobStatus
  /** 0 to 1. */
  progress: number
  error: string | null
  createdAt: number
}

type Entry = ExportJob & { input: RenderJob; result: Uint8Array | null; waiters: Array<() => void> }

/** One person cannot fill the queue: others' exports would wait behind theirs. */
export const MAX_PENDING_PER_PERSON = 3
/** Nor the memory: finished files are kept for a while, only the newest few of each person. */
export const MAX_KEPT_PER_PERSON = 10

const BOOT = new URL('./workerBoot.js', import.meta.url)
const ENTRY = new URL('./exportWorker.ts', import.meta.url).href

export class ExportJobs {
  private readonly jobs = new Map<string, Entry>()
  private readonly queue: Entry[] = []
  private readonly workers = new Set<Worker>()
  private readonly current = new Map<Worker, Entry>()
  private idle: Worker[] = []
  private running = 0
  private closed = false

  constructor(private readonly options: { log: Log; concurrency?: number; keepMs?: number }) {}

  /** Whether this person may start another job (at most MAX_PENDING_PER_PERSON unfinished). */
  canStart(userId: string): boolean {
    let pending = 0
    for (const e of this.jobs.values()) if (e.userId === userId && (e.status === 'queued' || e.status === 'running')) pending++
    return pending < MAX_PENDING_PER_PERSON
  }

  start(input: RenderJob, owner: { boardId: string; userId: string; fileName: string }): ExportJob {
    this.sweep()
    this.keepNewest(owner.userId, MAX_KEPT_PER_PERSON - 1)
    const entry: Entry = {
      id: newId(),
      ...owner,
      kind: input.kind,
      contentType: CONTENT_TYPES[input.kind],
      status: 'queued',
      progress: 0,
      error: null,
      createdAt: Date.now(),
      input,
      result: null,
      waiters: [],
    }
    this.jobs.set(entry.id, entry)
    this.queue.push(entry)
    this.pump()
    return view(entry)
  }

  /** A job of this person on this board; others' jobs do not exist for them. */
  get(id: string, boardId: string, userId: string): ExportJob | null {
    const e = this.jobs.get(id)
    return e && e.boardId === boardId && e.userId === userId ? view(e) : null
  }

  file(id: string, boardId: string, userId: string): Uint8Array | null {
    const e = this.jobs.get(id)
    return e && e.boardId === boardId && e.userId === userId ? e.result : null
  }

  /**
   * Forgets every job of a board, queued, running or finished, with its input and bytes: after a
   * withdrawal no cached export may still hold the story. A running job finishes into nothing.
   */
  forgetBoard(boardId: string): void {
    for (const [id, e] of this.jobs) {
      if (e.boardId !== boardId) continue
      this.jobs.delete(id)
      const queued = this.queue.indexOf(e)
      if (queued >= 0) this.queue.splice(queued, 1)
      e.result = null
      e.status = 'failed'
      e.error = 'withdrawn content: export again'
      for (const w of e.waiters.splice(0)) w()
    }
  }

  /** Resolves once the job has finished, one way or the other. */
  async settled(id: string): Promise<ExportJob | null> {
    const e = this.jobs.get(id)
    if (!e) return null
    if (e.status !== 'done' && e.status !== 'failed') await new Promise<void>((resolve) => e.waiters.push(resolve))
    return view(e)
  }

  async close(): Promise<void> {
    this.closed = true
    await Promise.all([...this.workers].map((w) => w.terminate()))
  }

  private pump(): void {
    const limit = this.options.concurrency ?? 1
    while (!this.closed && this.running < limit && this.queue.length) {
      const entry = this.queue.shift()!
      this.running++
      entry.status = 'running'
      this.run(entry, this.idle.pop() ?? this.spawn())
    }
  }

  /** A worker thread kept between jobs; one that fails or stops is dropped and replaced. */
  private spawn(): Worker {
    const worker = new Worker(BOOT, { workerData: { entry: ENTRY } })
    worker.unref()
    this.workers.add(worker)
    const drop = (message: string) => {
      this.workers.delete(worker)
      this.idle = this.idle.filter((w) => w !== worker)
      const current = this.current.get(worker)
      if (current) this.end(worker, current, 'failed', message, null)
    }
    worker.on('message', (m: WorkerMessage) => {
      const entry = this.current.get(worker)
      if (!entry || entry.id !== m.jobId) return
      if (m.type === 'progress') entry.progress = m.total ? Math.min(0.99, m.done / m.total) : 0
      else if (m.type === 'done') this.end(worker, entry, 'done', null, m.bytes)
      else this.end(worker, entry, 'failed', m.message, null)
    })
    worker.on('error', (e) => drop(e.message))
    worker.on('exit', (code) => drop(`the export worker stopped (${code})`))
    return worker
  }

  private run(entry: Entry, worker: Worker): void {
    this.current.set(worker, entry)
    worker.postMessage({ jobId: entry.id, job: entry.input } satisfies WorkerRequest)
  }

  private end(worker: Worker, entry: Entry, status: 'done' | 'failed', error: string | null, bytes: Uint8Array | null): void {
    this.current.delete(worker)
    entry.status = status
    entry.error = error
    entry.result = bytes
    if (status === 'done') entry.progress = 1
    else this.options.log.warn('export job failed', { jobId: entry.id, kind: entry.kind, error })
    // The input (a whole board) is not needed any more.
    entry.input = { kind: 'board.png', svg: '', width: 0, height: 0 }
    if (this.workers.has(worker) && !this.closed) this.idle.push(worker)
    this.running--
    for (const w of entry.waiters.splice(0)) w()
    this.pump()
  }

  /** Forgets this person's oldest finished jobs beyond `keep` (the map keeps start order). */
  private keepNewest(userId: string, keep: number): void {
    const finished = [...this.jobs.values()].filter((e) => e.userId === userId && (e.status === 'done' || e.status === 'failed'))
    for (const e of finished.slice(0, Math.max(0, finished.length - keep))) this.jobs.delete(e.id)
  }

  private sweep(): void {
    const keep = this.options.keepMs ?? 10 * 60_000
    const now = Date.now()
    for (const [id, e] of this.jobs) {
      if ((e.status === 'done' || e.status === 'failed') && now - e.createdAt > keep) this.jobs.delete(id)
    }
  }
}

const view = (e: Entry): ExportJob => ({
  id: e.id,
  boardId: e.boardId,
  userId: e.userId,
  kind: e.kind,
  fileName: e.fileName,
  contentType: e.contentType,
  status: e.status,
  progress: e.progress,
  error: e.error,
  createdAt: e.createdAt,
})
