import { describe, expect, it } from 'vitest'
import { accessFromBoard, reduceAccess, type AccessEvent, type BoardAccess } from './boardAccess.ts'

const run = (start: BoardAccess, events: AccessEvent[]) => events.reduce(reduceAccess, start)

describe('board access', () => {
  it('lets contributors and above edit, never observers', () => {
    expect(accessFromBoard({ role: 'contributor', anonymous: false }).canEdit).toBe(true)
    expect(accessFromBoard({ role: 'owner', anonymous: false }).canEdit).toBe(true)
    expect(accessFromBoard({ role: 'observer', anonymous: false }).canEdit).toBe(false)
  })

  it('reads an unknown role as no access and unknown anonymity as anonymous', () => {
    const a = accessFromBoard({ role: 'admin' })
    expect(a).toMatchObject({ role: null, canEdit: false, anonymous: true })
    expect(accessFromBoard(null).canEdit).toBe(false)
  })

  it('stops writing while a changed role is read again (4501), then follows the new role', () => {
    const start = accessFromBoard({ role: 'contributor', anonymous: false })
    const checking = reduceAccess(start, { type: 'closed', code: 4501 })
    expect(checking.canEdit).toBe(false)
    expect(
      reduceAccess(checking, { type: 'board', body: { role: 'observer', anonymous: false } }),
    ).toMatchObject({ role: 'observer', canEdit: false, checking: false })
    expect(
      reduceAccess(checking, { type: 'board', body: { role: 'facilitator', anonymous: true } }),
    ).toMatchObject({ canEdit: true, anonymous: true })
  })

  it('ends for good on 4401, 4403 and 4404, whatever comes after', () => {
    for (const code of [4401, 4403, 4404]) {
      const ended = run(accessFromBoard({ role: 'owner', anonymous: false }), [
        { type: 'closed', code },
        { type: 'board', body: { role: 'owner' } },
      ])
      expect(ended).toMatchObject({ endedBy: code, canEdit: false })
    }
  })

  it('ignores transient closes and maps a refused re-read to a close code', () => {
    const start = accessFromBoard({ role: 'contributor', anonymous: false })
    expect(reduceAccess(start, { type: 'closed', code: 1011 })).toBe(start)
    expect(reduceAccess(start, { type: 'refused', status: 403 }).endedBy).toBe(4403)
    expect(reduceAccess(start, { type: 'refused', status: 401 }).endedBy).toBe(4401)
    expect(reduceAccess(start, { type: 'refused', status: 500 })).toBe(start)
  })
})
