import { describe, expect, it } from 'vitest'
import { contrastRatio } from '../chrome/readableText.ts'
import { isOpen, nextStatus, STATUS_TONES, statusActions } from './statusFlow.ts'

describe('condition status flow', () => {
  it('steps raised → acknowledged → in progress → resolved', () => {
    expect(nextStatus('raised')).toBe('acknowledged')
    expect(nextStatus('acknowledged')).toBe('in_progress')
    expect(nextStatus('in_progress')).toBe('resolved')
    expect(nextStatus('resolved')).toBeNull()
    expect(nextStatus('declined')).toBeNull()
  })

  it('offers every forward status, marking the current and the next', () => {
    const actions = statusActions('acknowledged')
    expect(actions.map((a) => a.status)).toEqual(['acknowledged', 'in_progress', 'resolved'])
    expect(actions.find((a) => a.current)?.status).toBe('acknowledged')
    expect(actions.find((a) => a.next)?.status).toBe('in_progress')
    expect(statusActions('declined').some((a) => a.current || a.next)).toBe(false)
  })

  it('knows which statuses are open', () => {
    expect(['raised', 'acknowledged', 'in_progress'].every((s) => isOpen(s as never))).toBe(true)
    expect(isOpen('resolved') || isOpen('declined')).toBe(false)
  })

  it('white status words are readable on every status colour (4.5:1)', () => {
    for (const [status, tone] of Object.entries(STATUS_TONES)) expect(contrastRatio(tone, '#ffffff'), status).toBeGreaterThanOrEqual(4.5)
  })
})
