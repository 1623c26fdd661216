// Who I am on the open board, for the cycles controls: my role (GET /api/boards/:id) and my
// account id (to know the links I asked for myself). The server enforces both; this only hides
// controls a person cannot use.
import { can, type Permission } from '../../shared/access/roles.ts'
import { getMe } from '../home/auth.ts'
import { getBoardWithRole } from './cyclesApi.ts'
import type { CyclesStore, CyclesUi } from './cyclesStore.ts'

export async function loadAccess(boardId: string, cycles: CyclesStore): Promise<void> {
  const [board, me] = await Promise.all([getBoardWithRole(boardId), getMe()])
  cycles.ui.setState({ role: board.ok ? (board.value.role ?? null) : null, meId: me.ok ? me.value.user.id : null })
}

export const allowed = (ui: Pick<CyclesUi, 'role'>, permission: Permission): boolean => can(ui.role, permission)
