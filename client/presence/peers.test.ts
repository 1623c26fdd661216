import { describe, expect, it } from 'vitest'
import { peersFrom, readPeer, remoteDrags, remotePatternDrags } from './peers.ts'

describe('peers', () => {
  it('reads a well-formed presence', () => {
    expect(readPeer(7, { user: { name: 'Ada', colour: '#112233' }, pointer: { x: 1, y: 2 }, editing: 's1', drag: { ids: ['a'], dx: 3, dy: 4 }, selection: ['a'] })).toEqual({
      clientId: 7,
      name: 'Ada',
      colour: '#112233',
      pointer: { x: 1, y: 2 },
      editing: 's1',
      drag: { ids: ['a'], dx: 3, dy: 4 },
      selection: ['a'],
    })
  })

  it('tolerates junk', () => {
    const p = readPeer(1001, { user: { name: 5, colour: 'red' }, pointer: { x: 'a' }, drag: { ids: 'x' }, selection: [1, 's'] })
    expect(p).toMatchObject({ name: 'Guest 1', colour: '#6c757d', pointer: null, drag: null, selection: ['s'] })
    expect(readPeer(1, null)).toBeNull()
    expect(readPeer(1, { pointer: { x: 1, y: 1 } })).toBeNull()
  })

  it('lists everyone but me', () => {
    const states = new Map<number, unknown>([
      [2, { user: { name: 'B', colour: '#000000' } }],
      [1, { user: { name: 'Me', colour: '#000000' } }],
      [3, { user: { name: 'C', colour: '#000000' } }],
    ])
    expect(peersFrom(states, 1).map((p) => p.name)).toEqual(['B', 'C'])
  })

  it('maps live drags to stories', () => {
    const peers = peersFrom(new Map([[2, { user: { name: 'B', colour: '#000000' }, drag: { ids: ['a', 'b'], dx: 5, dy: -1 } }]]), 1)
    expect(remoteDrags(peers).get('b')).toEqual({ dx: 5, dy: -1 })
  })

  it('maps a live pattern move to the pattern and its stories', () => {
    const peers = peersFrom(new Map([[2, { user: { name: 'B', colour: '#000000' }, drag: { ids: ['a'], dx: 5, dy: 6, pattern: 'p1' } }]]), 1)
    expect(remotePatternDrags(peers).get('p1')).toEqual({ dx: 5, dy: 6 })
    expect(remoteDrags(peers).get('a')).toEqual({ dx: 5, dy: 6 })
    expect(remotePatternDrags(peersFrom(new Map([[2, { user: { name: 'B', colour: '#000000' }, drag: { ids: [], dx: 1, dy: 1, pattern: 7 } }]]), 1)).size).toBe(0)
  })
})
