// Board meta: the learning cycle this board is. Pure module.
import { z } from 'zod'
import { CycleElement, Scale } from './cycle.ts'

export const BoardTitle = z.string().trim().min(1, 'a title is required').max(200)

export const BoardMeta = z.object({
  title: BoardTitle,
  scale: Scale,
  element: CycleElement,
  schemaVersion: z.number().int().nonnegative(),
})
export type BoardMeta = z.infer<typeof BoardMeta>

export const META_KEYS = {
  title: 'title',
  scale: 'scale',
  element: 'element',
  schemaVersion: 'schemaVersion',
} as const
