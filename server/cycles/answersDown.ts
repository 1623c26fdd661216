// Answers travel all the way down. When a card is raised, or its status or responses change, every
// board whose evidence fed it learns it: the pattern it was raised from may hold condition cards
// from below, each raised from a pattern that may hold more. Followed through the server's records
// of the raises (as the evidence chain is, cycles/chain.ts), each feeding board's mark of its own
// raise gets the answer under `further`, with where it came from and how many raises up.
import { patternSources } from '../../shared/model/carried.ts'
import { readConditions, readRaised, type FurtherAnswer } from '../../shared/model/condition.ts'
import { ROOT } from '../../shared/model/layout.ts'
import type { ConditionRecord, Storage } from '../storage/types.ts'
import type { Rooms } from '../sync/rooms.ts'

export type AnswerDeps = { storage: Storage; rooms: Rooms }

export async function answerDown(deps: AnswerDeps, condition: ConditionRecord): Promise<void> {
  const { storage, rooms } = deps
  const target = await storage.boards.get(condition.targetBoard)
  if (!target) return
  const card = await rooms.read(target.id, (doc) => readConditions(doc).find((c) => c.id === condition.id))
  const answer = (levels: number): FurtherAnswer => ({
    conditionId: condition.id,
    kind: condition.kind,
    target: { boardId: target.id, title: target.title, scale: target.scale },
    levels,
    status: condition.status,
    declineReason: condition.declineReason,
    responses: card?.responses ?? [],
  })
  const visited = new Set<string>()
  const walk = async (board: string, pattern: string, levels: number) => {
    if (visited.has(`${board}/${pattern}`)) return
    visited.add(`${board}/${pattern}`)
    if (!(await storage.boards.get(board))) return
    const cards = (await rooms.read(board, (doc) => patternSources(doc, pattern)))?.cards ?? []
    for (const member of cards) {
      const below = await storage.conditions.get(member.conditionId)
      // Only the server's record of a raise onto this very board leads further down.
      if (!below || below.targetBoard !== board || !(await storage.boards.get(below.sourceBoard))) continue
      await rooms.change(
        below.sourceBoard,
        (doc) => {
          const marks = readRaised(doc, below.sourcePattern)
          if (!marks.some((m) => m.conditionId === below.id)) return
          const next = marks.map((m) =>
            m.conditionId === below.id
              ? { ...m, further: [...(m.further ?? []).filter((f) => f.conditionId !== condition.id), answer(levels)] }
              : m,
          )
          doc.getMap(ROOT.raised).set(below.sourcePattern, next)
        },
        'answer from further up',
      )
      await walk(below.sourceBoard, below.sourcePattern, levels + 1)
    }
  }
  await walk(condition.sourceBoard, condition.sourcePattern, 2)
}
