import { describe, expect, it } from 'vitest'
import {
  assignableRoles,
  canManageMember,
  inviteRolesFor,
  roleOptions,
  settingsTabsFor,
  sortMembers,
} from './people.ts'

describe('people panel rules', () => {
  it('owners may give any role; facilitators only those below their own; others none', () => {
    expect(assignableRoles('owner')).toEqual(['owner', 'facilitator', 'contributor', 'observer'])
    expect(assignableRoles('facilitator')).toEqual(['contributor', 'observer'])
    expect(assignableRoles('contributor')).toEqual([])
    expect(assignableRoles(null)).toEqual([])
  })

  it('invite links never carry owner', () => {
    expect(inviteRolesFor('owner')).toEqual(['facilitator', 'contributor', 'observer'])
    expect(inviteRolesFor('facilitator')).toEqual(['contributor', 'observer'])
    expect(inviteRolesFor('observer')).toEqual([])
  })

  it('a facilitator cannot manage another facilitator or an owner', () => {
    expect(canManageMember('facilitator', { role: 'contributor' })).toBe(true)
    expect(canManageMember('facilitator', { role: 'facilitator' })).toBe(false)
    expect(canManageMember('owner', { role: 'owner' })).toBe(true)
    expect(canManageMember('contributor', { role: 'observer' })).toBe(false)
  })

  it('a role select shows the current role even when it may not be given', () => {
    expect(roleOptions('facilitator', 'contributor').map((o) => [o.role, o.disabled])).toEqual([
      ['contributor', false],
      ['observer', false],
    ])
    expect(roleOptions('contributor', 'owner')).toEqual([
      { role: 'owner', label: 'Owner', disabled: true },
    ])
  })

  it('sorts owners first, then by name', () => {
    const sorted = sortMembers([
      { role: 'observer' as const, displayName: 'Ann' },
      { role: 'owner' as const, displayName: 'Zoe' },
      { role: 'contributor' as const, displayName: 'Bo' },
      { role: 'contributor' as const, displayName: 'Al' },
    ])
    expect(sorted.map((m) => m.displayName)).toEqual(['Zoe', 'Al', 'Bo', 'Ann'])
  })
  it('shows invite links to managers, settings and the audit log to owners only', () => {
    expect(settingsTabsFor('owner')).toEqual(['people', 'invites', 'settings', 'audit'])
    expect(settingsTabsFor('facilitator')).toEqual(['people', 'invites'])
    expect(settingsTabsFor('observer')).toEqual(['people'])
    expect(settingsTabsFor(null)).toEqual(['people'])
  })
})
