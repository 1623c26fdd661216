// Pattern sharing over real HTTP and a real SQLite file: a share flows only while the boards are
// linked as peers. Removing the link stops the flow (the card on the peer says it is no longer live).
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { readReferences } from '../../shared/model/condition.ts'
import { createPattern, updatePattern } from '../../shared/ops/pattern.ts'
import { createStory } from '../../shared/ops/story.ts'
import { startServer, type TestServer } from '../testing/harness.ts'

const origin = { kind: 'server', reason: 'test' } as const

describe('pattern sharing', () => {
  let server: TestServer
  beforeAll(async () => {
    server = await startServer({ authorize: 'roles' })
  })
  afterAll(async () => server.close())

  async function pattern(boardId: string, name: string): Promise<string> {
    let id = ''
    await server.lw.rooms.change(
      boardId,
      (doc) => {
        const story = createStory(doc, { pos: { x: 0, y: 0 }, text: 'A working story' }, origin)
        const p = createPattern(doc, { name, area: { x: 0, y: 0, w: 600, h: 400 }, storyIds: story.ok ? [story.value.id] : [] }, origin)
        if (!p.ok) throw new Error('pattern')
        id = p.value.id
      },
      'test',
    )
    return id
  }
  const linkPeers = async (a: string, b: string) => {
    const res = await server.owner.request<{ link: { id: string; status: string } }>('POST', `/api/boards/${a}/links`, { otherBoardId: b, kind: 'horizontal' })
    expect(res.body.link.status).toBe('active')
    return res.body.link.id
  }
  const share = (board: string, patternId: string, target: string) =>
    server.owner.request<{ share: { id: string } }>('POST', `/api/boards/${board}/patterns/${patternId}/share`, { targetBoardId: target })

  it('after the peer link is removed, the source pattern no longer flows to the former peer', async () => {
    const team = await server.createBoard('Team', 'team')
    const peer = await server.createBoard('Former peer', 'team')
    const other = await server.createBoard('Still a peer', 'team')
    const first = await pattern(team, 'Waiting lists')
    const second = await pattern(team, 'Letters')
    const linkId = await linkPeers(team, peer)
    await linkPeers(team, other)
    expect((await share(team, first, peer)).status).toBe(201)
    expect((await server.lw.rooms.read(peer, readReferences))[0]).toMatchObject({ name: 'Waiting lists', live: true })

    expect((await server.owner.request('DELETE', `/api/boards/${team}/links/${linkId}`)).status).toBe(200)
    await server.lw.rooms.change(team, (doc) => void updatePattern(doc, { id: first, name: 'Waiting lists (names of the families)' }, origin), 'test')
    // Sharing another pattern with the remaining peer refreshes every share of the board, now.
    expect((await share(team, second, other)).status).toBe(201)

    const [card] = await server.lw.rooms.read(peer, readReferences)
    expect(card).toMatchObject({ name: 'Waiting lists', live: false })
    expect((await server.lw.rooms.read(other, readReferences))[0]).toMatchObject({ name: 'Letters', live: true })
  })
})
