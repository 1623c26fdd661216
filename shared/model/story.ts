// A story: one sticky note of evidence. Type, validator and document keys live together.
// Pure module: may not touch the DOM, the network or Node.
import { z } from 'zod'
import { Consent } from './consent.ts'
import { Colour, Point, Size } from './geometry.ts'

export const OUTCOMES = ['better', 'worse', 'mixed', 'unclear'] as const
export type Outcome = (typeof OUTCOMES)[number]
export const Outcome = z.enum(OUTCOMES)

/**
 * working: may travel to linked boards as a summary; confidential: stays on its board, promotion
 * carries counts only; restricted: never leaves its board, facilitators and owner only.
 */
export const SENSITIVITIES = ['working', 'confidential', 'restricted'] as const
export type Sensitivity = (typeof SENSITIVITIES)[number]
export const Sensitivity = z.enum(SENSITIVITIES)

export const Measure = z.object({
  name: z.string().trim().min(1).max(80),
  value: z.number().finite(),
  unit: z.string().trim().max(40),
})
export type Measure = z.infer<typeof Measure>

const shortText = (max: number) => z.string().trim().max(max)

/** The optional fields a person edits in the story panel. */
export const StoryFields = z.object({
  experiment: shortText(200).optional(),
  tellerRole: shortText(120).optional(),
  date: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/, 'a date is YYYY-MM-DD')
    .optional(),
  tags: z.array(z.string().trim().min(1).max(60)).max(30).optional(),
  outcome: Outcome.optional(),
  measures: z.array(Measure).max(20).optional(),
  sensitivity: Sensitivity.optional(),
  /** Who consented to what (shared/model/consent.ts); absent: counted only, never quoted. */
  consent: Consent.optional(),
})
export type StoryFields = z.infer<typeof StoryFields>

export const StoryId = z.string().regex(/^[A-Za-z0-9_-]{6,64}$/, 'an id is 6-64 url-safe characters')

/** A validated snapshot of a story, as the tolerant reader returns it. */
export const Story = z.object({
  id: StoryId,
  pos: Point,
  size: Size,
  colour: Colour,
  /** Fractional index: z-order compares these strings, so concurrent reorders never duplicate. */
  z: z.string().min(1).max(200),
  /** Plain text of the rich-text fragment; the fragment itself stays in the document. */
  text: z.string(),
  experiment: z.string().optional(),
  tellerRole: z.string().optional(),
  date: z.string().optional(),
  tags: z.array(z.string()),
  outcome: Outcome.optional(),
  measures: z.array(Measure),
  sensitivity: Sensitivity,
  consent: Consent.optional(),
  /** Absent when the story was written anonymously: nothing is stored, not a hidden value. */
  author: z.string().optional(),
  createdAt: z.number(),
  updatedAt: z.number(),
})
export type Story = z.infer<typeof Story>

/** Keys of a story's Y.Map in the board document. `text` holds a Y.XmlFragment that tiptap edits. */
export const STORY_KEYS = {
  id: 'id',
  pos: 'pos',
  size: 'size',
  colour: 'colour',
  z: 'z',
  text: 'text',
  experiment: 'experiment',
  tellerRole: 'tellerRole',
  date: 'date',
  tags: 'tags',
  outcome: 'outcome',
  measures: 'measures',
  sensitivity: 'sensitivity',
  consent: 'consent',
  author: 'author',
  createdAt: 'createdAt',
  updatedAt: 'updatedAt',
} as const
