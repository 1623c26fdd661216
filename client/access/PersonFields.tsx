// The two things a person tells others about themselves: the name shown on the board and an
// optional organisation. Shared by the guest join form and the profile form so both keep the
// same limits and autofill hints.
type Props = {
  displayName: string
  organisation: string
  onDisplayName: (value: string) => void
  onOrganisation: (value: string) => void
  /** Prefix for data-testid: `<prefix>-display-name`, `<prefix>-organisation`. */
  testIdPrefix: string
  autoFocus?: boolean
}

export function PersonFields(p: Props) {
  return (
    <>
      <label>
        <span>Your name, as others see it</span>
        <input
          name="displayName"
          autoFocus={p.autoFocus}
          autoComplete="name"
          value={p.displayName}
          onChange={(e) => p.onDisplayName(e.target.value)}
          required
          maxLength={80}
          data-testid={`${p.testIdPrefix}-display-name`}
        />
      </label>
      <label>
        <span>
          Organisation <span className="hint">(optional)</span>
        </span>
        <input
          name="organisation"
          autoComplete="organization"
          value={p.organisation}
          onChange={(e) => p.onOrganisation(e.target.value)}
          maxLength={120}
          data-testid={`${p.testIdPrefix}-organisation`}
        />
      </label>
    </>
  )
}
