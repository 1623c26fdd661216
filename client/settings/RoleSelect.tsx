// A labelled role picker offering only the roles the acting person may hand out.
import { ROLE_LABELS, type Role } from '../../shared/access/roles.ts'

type Props<R extends Role> = {
  roles: readonly R[]
  value: R
  onChange: (role: R) => void
  testId: string
}

export function RoleSelect<R extends Role>({ roles, value, onChange, testId }: Props<R>) {
  return (
    <label>
      Role
      <select value={value} onChange={(e) => onChange(e.target.value as R)} data-testid={testId}>
        {roles.map((r) => (
          <option key={r} value={r}>
            {ROLE_LABELS[r]}
          </option>
        ))}
      </select>
    </label>
  )
}
