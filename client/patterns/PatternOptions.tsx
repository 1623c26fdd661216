// The choices of a "which pattern" picker: none, then every pattern by name.
import type { Pattern } from '../../shared/model/pattern.ts'

export function PatternOptions({ patterns }: { patterns: readonly Pick<Pattern, 'id' | 'name'>[] }) {
  return (
    <>
      <option value="">Not in a pattern</option>
      {patterns.map((p) => (
        <option key={p.id} value={p.id}>
          {p.name || 'Unnamed pattern'}
        </option>
      ))}
    </>
  )
}
