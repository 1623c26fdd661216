// Who may read what a raise or a share carries: anyone with a role on the board it went to or came
// from. The server's own record names the two boards; ids found in a document grant nothing.
import { HttpError } from '../errors.ts'
import type { Storage } from '../storage/types.ts'

export async function requireEitherBoard(
  storage: Storage,
  userId: string,
  record: { sourceBoard: string; targetBoard: string },
  what: 'condition' | 'reference',
): Promise<void> {
  if (await storage.memberships.get(record.targetBoard, userId)) return
  if (await storage.memberships.get(record.sourceBoard, userId)) return
  throw new HttpError(403, 'forbidden', `you do not have access to this ${what}`)
}
