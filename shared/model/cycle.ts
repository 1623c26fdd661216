// The words of the field for a learning cycle. Const tables with derived unions, shared by both ends.
import { z } from 'zod'

export const SCALES = ['person', 'team', 'organisation', 'place', 'region'] as const
export type Scale = (typeof SCALES)[number]
export const Scale = z.enum(SCALES)

/** A soft label that may move backwards: never a gate. */
export const CYCLE_ELEMENTS = ['understand', 'co-design', 'experiment', 'embed', 'steward'] as const
export type CycleElement = (typeof CYCLE_ELEMENTS)[number]
export const CycleElement = z.enum(CYCLE_ELEMENTS)

export const SCALE_LABELS: Record<Scale, string> = {
  person: 'Person',
  team: 'Team',
  organisation: 'Organisation',
  place: 'Place',
  region: 'Region or country',
}

export const ELEMENT_LABELS: Record<CycleElement, string> = {
  understand: 'Understand the system',
  'co-design': 'Co-design',
  experiment: 'Experiment',
  embed: 'Embed and influence',
  steward: 'System stewardship',
}
