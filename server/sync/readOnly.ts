// Why a board takes no writes at all: stored by a newer version of Learning Wall (it loads as it
// is and nobody writes to it), or its settings are invalid (read-only until an owner sets them
// again: meta is written by the server only, so only a board from before that or from elsewhere
// gets here). Its writers hear the code; the server's own changes get the error (409).
import type * as Y from 'yjs'
import { BoardMeta } from '../../shared/model/board.ts'
import { metaMap } from '../../shared/model/layout.ts'
import { HttpError } from '../errors.ts'

export class BoardReadOnly extends HttpError {
  constructor(code: 'schema_too_new' | 'invalid_meta', message: string) {
    super(409, code, message)
  }
}

/** Tells `set` why the board is read-only now and whenever its settings change (null: writable). */
export function watchReadOnly(
  doc: Y.Doc,
  board: { schemaTooNew?: string; checksMeta?: boolean },
  set: (reason: BoardReadOnly | null) => void,
): void {
  if (board.schemaTooNew) return set(new BoardReadOnly('schema_too_new', board.schemaTooNew))
  if (!board.checksMeta) return
  const check = () => {
    const meta = BoardMeta.safeParse(metaMap(doc).toJSON())
    const where = meta.success ? '' : (meta.error.issues[0]?.path.join('.') ?? 'meta')
    set(
      meta.success
        ? null
        : new BoardReadOnly(
            'invalid_meta',
            `this board's settings are invalid (${where}): an owner can set them again`,
          ),
    )
  }
  check()
  metaMap(doc).observe(check)
}
