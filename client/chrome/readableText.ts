// Text colour for initials on a person's colour: whichever of black or white contrasts more
// (WCAG relative luminance), so every colour a person can get stays readable. Pure module.
export function readableTextOn(hex: string): '#000000' | '#ffffff' {
  if (!/^#?[0-9a-f]{6}$/i.test(hex.trim())) return '#000000'
  return contrastRatio(hex, '#000000') >= contrastRatio(hex, '#ffffff') ? '#000000' : '#ffffff'
}

/** WCAG relative luminance of `#rrggbb` (0 for anything else: read as black). */
function luminance(hex: string): number {
  const m = /^#?([0-9a-f]{6})$/i.exec(hex.trim())
  if (!m) return 0
  const n = parseInt(m[1]!, 16)
  const channel = (c: number) => {
    const s = c / 255
    return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4
  }
  return 0.2126 * channel((n >> 16) & 255) + 0.7152 * channel((n >> 8) & 255) + 0.0722 * channel(n & 255)
}

/** The WCAG contrast ratio of two colours (1 to 21); text needs 4.5. */
export function contrastRatio(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number]
  return (hi + 0.05) / (lo + 0.05)
}
