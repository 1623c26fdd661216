// Runs one heavy export: starts the job, polls its progress until it is done, then downloads it.
// The caller shows the progress; nothing here blocks the page.
import type { Audience } from '../../shared/export/report.ts'
import { download, jobFileUrl, jobStatus, startJob, type HeavyFormat, type Job, type Scope } from './exportApi.ts'

export type JobProgress = { format: HeavyFormat; progress: number; status: Job['status'] | 'starting'; error: string | null }

const POLL_MS = 300

export async function runJob(
  boardId: string,
  format: HeavyFormat,
  scope: Scope,
  audience: Audience,
  onProgress: (p: JobProgress) => void,
  signal: { cancelled: boolean },
): Promise<void> {
  onProgress({ format, progress: 0, status: 'starting', error: null })
  const started = await startJob(boardId, format, scope, audience)
  if (!started.ok) return onProgress({ format, progress: 0, status: 'failed', error: started.error.message })
  let job = started.value.job
  while (job.status === 'queued' || job.status === 'running') {
    if (signal.cancelled) return
    onProgress({ format, progress: job.progress, status: job.status, error: null })
    await new Promise((r) => setTimeout(r, POLL_MS))
    const next = await jobStatus(boardId, job.id)
    if (!next.ok) return onProgress({ format, progress: 0, status: 'failed', error: next.error.message })
    job = next.value.job
  }
  if (job.status === 'failed') return onProgress({ format, progress: 0, status: 'failed', error: job.error ?? 'The export failed.' })
  onProgress({ format, progress: 1, status: 'done', error: null })
  if (!signal.cancelled) download(jobFileUrl(boardId, job.id), job.fileName)
}
