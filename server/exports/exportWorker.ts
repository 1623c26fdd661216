// Worker thread: renders one export job sent by ExportJobs and posts progress, then the bytes.
import { parentPort } from 'node:worker_threads'
import { render, type RenderJob } from './render.ts'

export type WorkerMessage =
  | { type: 'progress'; done: number; total: number }
  | { type: 'done'; bytes: Uint8Array }
  | { type: 'failed'; message: string }

const port = parentPort
if (!port) throw new Error('exportWorker runs only as a worker thread')
port.on('message', (job: RenderJob) => {
  render(job, (done, total) => port.postMessage({ type: 'progress', done, total } satisfies WorkerMessage)).then(
    (bytes) => port.postMessage({ type: 'done', bytes } satisfies WorkerMessage, [bytes.buffer as ArrayBuffer]),
    (e: unknown) => port.postMessage({ type: 'failed', message: e instanceof Error ? e.message : String(e) } satisfies WorkerMessage),
  )
})
