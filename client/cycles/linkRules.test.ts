import { describe, expect, it } from 'vitest'
import type { CycleLink } from './cyclesApi.ts'
import { canAccept, explainError, explainShareError, groupLinks, kindProblem, linkCandidates, linkKindFor, raiseTargets, relationText, shareTargets, targetsByRole } from './linkRules.ts'

const link = (over: Partial<CycleLink>): CycleLink => ({
  id: 'l1',
  kind: 'vertical',
  status: 'active',
  direction: 'up',
  createdBy: 'me',
  other: { id: 'org', title: 'City council', scale: 'organisation', visible: true },
  ...over,
})

describe('link rules', () => {
  it('links across scales vertically and peers horizontally', () => {
    expect(linkKindFor('team', 'organisation')).toBe('vertical')
    expect(linkKindFor('team', 'team')).toBe('horizontal')
    expect(kindProblem('vertical', 'team', 'team')).toMatch(/same scale/)
    expect(kindProblem('horizontal', 'team', 'place')).toMatch(/different scale/)
    expect(kindProblem('vertical', 'team', 'place')).toBeNull()
    expect(relationText('team', 'region')).toMatch(/higher scale/)
    expect(relationText('place', 'person')).toMatch(/lower scale/)
  })

  it('offers boards not yet linked, never this one', () => {
    const boards = [{ id: 'team' }, { id: 'org' }, { id: 'place' }]
    expect(linkCandidates(boards, 'team', [link({})]).map((b) => b.id)).toEqual(['place'])
  })

  it('raises only along active vertical links leading up', () => {
    const links = [
      link({ id: 'a' }),
      link({ id: 'b', status: 'pending', other: { id: 'pending-org', title: 'P', scale: 'organisation', visible: true } }),
      link({ id: 'c', direction: 'down', other: { id: 'person', title: 'Me', scale: 'person', visible: true } }),
      link({ id: 'd', kind: 'horizontal', direction: 'peer', other: { id: 'peer', title: 'Peer', scale: 'team', visible: false } }),
      link({ id: 'e', other: null }),
    ]
    expect(raiseTargets(links)).toEqual([{ boardId: 'org', title: 'City council', scale: 'organisation' }])
    const hidden = link({ id: 'f', status: 'pending', direction: null, other: { id: 'unseen', title: null, scale: null, visible: false } })
    expect(raiseTargets([...links, { ...hidden, status: 'active' }])).toHaveLength(1)
    const groups = groupLinks([...links, hidden])
    expect([groups.up.length, groups.down.length, groups.peer.length, groups.asked.length]).toEqual([3, 1, 1, 1])
  })

  it('[HD1] offers to accept a pending link only on the board it waits for', () => {
    const here = (boardId: string, manages = true) => ({ boardId, meId: 'me', manages })
    const pending = link({ status: 'pending', createdBy: 'them', awaitingBoard: 'org' })
    expect(canAccept(pending, here('org'))).toBe(true)
    expect(canAccept(pending, here('team'))).toBe(false)
    expect(canAccept(pending, here('org', false))).toBe(false)
    expect(canAccept({ ...pending, status: 'active' }, here('org'))).toBe(false)
    // Links stored before the awaiting board was recorded: anyone managing here but their creator.
    expect(canAccept(link({ status: 'pending', createdBy: 'them' }), here('org'))).toBe(true)
    expect(canAccept(link({ status: 'pending', createdBy: 'me' }), here('org'))).toBe(false)
  })

  it('explains refusals in the field’s words', () => {
    expect(explainError('not_linked', 'x', { target: 'City council' })).toMatch(/no active link up to City council/)
    expect(explainError('forbidden', 'x')).toMatch(/contributor \(or more\) on both boards/)
    expect(explainError('no_source_access', 'the stories stay there', { source: 'Benefits team' })).toBe(
      'The stories stay there. You have no role on Benefits team, so only what this card carries is visible to you.',
    )
    expect(explainError('weird', 'Something broke')).toBe('Something broke')
  })

  it('shares only along active horizontal links to peers, and explains share refusals', () => {
    const peer = { id: 'peer', title: 'Housing team', scale: 'team' as const, visible: true }
    const links = [
      link({ id: 'up' }),
      link({ id: 'p1', kind: 'horizontal', direction: 'peer', other: peer }),
      link({ id: 'p2', kind: 'horizontal', direction: 'peer', status: 'pending', other: { ...peer, id: 'waiting' } }),
      link({ id: 'p3', kind: 'horizontal', direction: 'peer', other: null }),
    ]
    expect(shareTargets(links)).toEqual([{ boardId: 'peer', title: 'Housing team', scale: 'team' }])
    expect(explainShareError('not_linked', '', 'Housing team')).toMatch(/no active peer link to Housing team/)
    expect(explainShareError('forbidden', '', 'Housing team')).toMatch(/contributor \(or more\) on both boards/)
    expect(explainShareError('network', 'Offline')).toBe('Offline')
  })

  it('offers a raise only to cycles where this person is a contributor or more', () => {
    const council = { boardId: 'org', title: 'Council', scale: 'organisation' as const }
    const region = { boardId: 'reg', title: 'Region', scale: 'organisation' as const }
    const roles = new Map([['org', 'contributor' as const], ['reg', 'observer' as const]])
    expect(targetsByRole([council, region], roles)).toEqual({ allowed: [council], refused: [region] })
    // A guest (no role on any other board) is offered none.
    expect(targetsByRole([council, region], new Map())).toEqual({ allowed: [], refused: [council, region] })
  })
})
