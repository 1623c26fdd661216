// Export jobs in a real worker thread: progress, a failing job that leaves the worker usable, and
// jobs visible only to the person who started them.
import { afterAll, describe, expect, it } from 'vitest'
import { exportBoard } from '../../shared/export/exportBoard.ts'
import { richBoard } from '../../shared/export/testBoard.ts'
import { silentLog } from '../log.ts'
import { ExportJobs } from './jobs.ts'
import { pdfPages } from './pdfText.ts'

describe('export jobs', () => {
  const jobs = new ExportJobs({ log: silentLog })
  afterAll(() => jobs.close())
  const owner = { boardId: 'board-1', userId: 'user-1', fileName: 'x' }

  it('a failing render is reported as failed, and the next job still runs', async () => {
    const bad = jobs.start({ kind: 'board.png', svg: 'this is not svg', width: 10, height: 10 }, owner)
    expect(bad.status).toBe('running')
    const failed = await jobs.settled(bad.id)
    expect(failed).toMatchObject({ status: 'failed' })
    expect(failed!.error).toBeTruthy()
    const { doc, ballots } = richBoard()
    const data = exportBoard(doc, { anonymous: false, ballots, exportedAt: '2026-11-26T04:00:00.000Z' })
    const good = jobs.start({ kind: 'board.pdf', data }, owner)
    expect(await jobs.settled(good.id)).toMatchObject({ status: 'done', progress: 1, contentType: 'application/pdf' })
    expect(pdfPages(jobs.file(good.id, 'board-1', 'user-1')!)).toBe(4)
    expect(jobs.get(good.id, 'board-1', 'user-2')).toBeNull()
    expect(jobs.file(good.id, 'board-2', 'user-1')).toBeNull()
  })

  it('queues jobs beyond the concurrency and runs them in order', async () => {
    const svg = '<svg xmlns="http://www.w3.org/2000/svg" width="20" height="20"><rect width="20" height="20" fill="#f00"/></svg>'
    const started = [1, 2, 3].map(() => jobs.start({ kind: 'board.png', svg, width: 20, height: 20 }, owner))
    expect(started.map((j) => j.status)).toEqual(['running', 'queued', 'queued'])
    // A fourth unfinished job of the same person is not allowed; someone else's is.
    expect(jobs.canStart('user-1')).toBe(false)
    expect(jobs.canStart('user-2')).toBe(true)
    const done = await Promise.all(started.map((j) => jobs.settled(j.id)))
    expect(done.map((j) => j?.status)).toEqual(['done', 'done', 'done'])
    expect(jobs.canStart('user-1')).toBe(true)
  })
})
