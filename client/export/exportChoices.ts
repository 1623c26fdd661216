// Which scopes the export menu offers and how they read, from the board and the selection. Pure.
import type { Pattern } from '../../shared/model/pattern.ts'
import type { Scope } from './exportApi.ts'

export type ScopeChoice = { value: string; label: string; scope: Scope | null }

export function scopeChoices(selection: ReadonlySet<string>, patterns: readonly Pattern[]): ScopeChoice[] {
  const n = selection.size
  return [
    { value: 'board', label: 'Whole board', scope: { kind: 'board' } },
    {
      value: 'selection',
      label: n ? `Selection (${n} ${n === 1 ? 'story' : 'stories'})` : 'Selection (select stories first)',
      scope: n ? { kind: 'selection', storyIds: [...selection].sort() } : null,
    },
    ...patterns.map((p): ScopeChoice => ({
      value: `pattern:${p.id}`,
      label: `Pattern: ${p.name || 'Untitled pattern'}`,
      scope: { kind: 'pattern', patternId: p.id },
    })),
  ]
}

export const progressLabel = (format: string, progress: number, status: string): string =>
  status === 'done' ? `${format} ready: downloading` : status === 'failed' ? `${format} failed` : `Preparing ${format}: ${Math.round(progress * 100)}%`
