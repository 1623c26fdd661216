// Z-order as fractional-index strings on each item. Pure module.
import { generateKeyBetween } from 'fractional-indexing'

/** Keys from different peers may collide; ties break by id so every peer draws the same order. */
export const compareZ = (a: { z: string; id: string }, b: { z: string; id: string }): number =>
  a.z < b.z ? -1 : a.z > b.z ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0

export function zAbove(zs: Iterable<string>): string {
  let max: string | null = null
  for (const z of zs) if (isValidZ(z) && (max === null || z > max)) max = z
  return generateKeyBetween(max, null)
}

export function zBelow(zs: Iterable<string>): string {
  let min: string | null = null
  for (const z of zs) if (isValidZ(z) && (min === null || z < min)) min = z
  return generateKeyBetween(null, min)
}

export function isValidZ(z: string): boolean {
  try {
    generateKeyBetween(z, null)
    return true
  } catch {
    return false
  }
}
