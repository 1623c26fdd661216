// Waits for a room to refuse an update for a reason: a deterministic point after which a test can
// check that the refused content is nowhere. Test-only.
import type { TestServer } from './harness.ts'
import { waitFor } from './harness.ts'

export async function waitForRejection(server: TestServer, room: string, code: string): Promise<void> {
  const r = await server.lw.rooms.get(room)
  await waitFor(() => (r.stats().rejected[code] ?? 0) > 0, 5000, `a ${code} refusal`)
}
