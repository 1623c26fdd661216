// Pure operations on board meta. May not touch the DOM, the network or Node.
import type * as Y from 'yjs'
import { z } from 'zod'
import { BoardTitle } from '../model/board.ts'
import { CycleElement, Scale } from '../model/cycle.ts'
import { metaMap, type Origin } from '../model/layout.ts'
import { ok, type Result } from '../result.ts'
import { parseInput } from './validate.ts'

export const UpdateBoardMetaInput = z.object({
  title: BoardTitle.optional(),
  scale: Scale.optional(),
  element: CycleElement.optional(),
})
export type UpdateBoardMetaInput = z.infer<typeof UpdateBoardMetaInput>

export function updateBoardMeta(doc: Y.Doc, input: unknown, origin: Origin): Result<null> {
  const parsed = parseInput(UpdateBoardMetaInput, input)
  if (!parsed.ok) return parsed
  const meta = metaMap(doc)
  doc.transact(() => {
    for (const [key, value] of Object.entries(parsed.value)) {
      if (value !== undefined && meta.get(key) !== value) meta.set(key, value)
    }
  }, origin)
  return ok(null)
}

