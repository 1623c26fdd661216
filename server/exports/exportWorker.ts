// Worker thread: renders the export jobs ExportJobs sends, one at a time, posting progress and then
// the bytes.
import { parentPort } from 'node:worker_threads'
import { render, type RenderJob } from './render.ts'

export type WorkerRequest = { jobId: string; job: RenderJob }
export type WorkerMessage =
  | { jobId: string; type: 'progress'; done: number; total: number }
  | { jobId: string; type: 'done'; bytes: Uint8Array }
  | { jobId: string; type: 'failed'; message: string }

const port = parentPort
if (!port) throw new Error('exportWorker runs only as a worker thread')
// One job at a time: the thread stays alive between jobs, so only the first pays its start-up.
port.on('message', ({ jobId, job }: WorkerRequest) => {
  render(job, (done, total) => port.postMessage({ jobId, type: 'progress', done, total } satisfies WorkerMessage)).then(
    (bytes) => port.postMessage({ jobId, type: 'done', bytes } satisfies WorkerMessage, [bytes.buffer as ArrayBuffer]),
    (e: unknown) => port.postMessage({ jobId, type: 'failed', message: e instanceof Error ? e.message : String(e) } satisfies WorkerMessage),
  )
})
