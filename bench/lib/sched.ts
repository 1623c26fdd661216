// Scheduling of the bench's own processes: optional CPU pinning and a raised priority, so that
// other work on a shared machine disturbs the measurement less.
import { execFileSync } from 'node:child_process'
import { existsSync, readdirSync, writeFileSync } from 'node:fs'
import { availableParallelism, setPriority } from 'node:os'

/**
 * CPU layout with BENCH_PIN=1: the server child gets CPU 0, everything else (load, orchestrator)
 * the rest. Off by default: on a shared machine a pinned process waits for its one busy core
 * while the other sits idle, which hurt more than server and load sharing two cores.
 */
export function cpuPlan(): { server: string | null; load: string | null; cores: number } {
  const cores = availableParallelism()
  if (process.env.BENCH_PIN !== '1' || cores < 2 || !existsSync('/usr/bin/taskset'))
    return { server: null, load: null, cores }
  return { server: '0', load: cores === 2 ? '1' : `1-${cores - 1}`, cores }
}

export function pin(pid: number, cpus: string): void {
  try {
    execFileSync('taskset', ['-a', '-pc', cpus, String(pid)], { stdio: 'ignore' })
  } catch {
    // The process may already be gone, or taskset refused: run unpinned.
  }
}

/**
 * With autogroup scheduling (the Linux default) CPU is shared per session first, so each child
 * runs in its own session (spawned detached) and both its autogroup and its threads get nice
 * -10. Needs privilege; skipped without it. Only ever applied to the bench's own processes.
 */
export function raisePriority(pid: number, nice = -10): void {
  try {
    writeFileSync(`/proc/${pid}/autogroup`, String(nice))
  } catch {
    // No autogroup, or not allowed.
  }
  let tids: string[] = [String(pid)]
  try {
    tids = readdirSync(`/proc/${pid}/task`)
  } catch {
    // Not Linux, or the process is gone.
  }
  for (const tid of tids) {
    try {
      setPriority(Number(tid), nice)
    } catch {
      return
    }
  }
}
