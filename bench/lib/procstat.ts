// CPU and memory of processes and of the whole machine, read from /proc.
import { execFileSync } from 'node:child_process'
import { readFileSync } from 'node:fs'

const CLK_TCK = (() => {
  try {
    return Number(execFileSync('getconf', ['CLK_TCK']).toString().trim()) || 100
  } catch {
    return 100
  }
})()

const statFields = (pid: number): string[] => {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8')
  return stat.slice(stat.lastIndexOf(')') + 2).split(' ')
}

/** User + system CPU seconds of a process (all its threads), from /proc/<pid>/stat. */
export function cpuSeconds(pid: number): number {
  const f = statFields(pid)
  return (Number(f[11]) + Number(f[12])) / CLK_TCK
}

/** The process's start time in clock ticks since boot: with the pid, identifies it uniquely. */
export function startTime(pid: number): string | null {
  try {
    return statFields(pid)[19] ?? null
  } catch {
    return null
  }
}

export function rssMiB(pid: number): number {
  const m = readFileSync(`/proc/${pid}/status`, 'utf8').match(/VmRSS:\s+(\d+) kB/)
  return m ? Number(m[1]) / 1024 : NaN
}

/** Whole-machine CPU seconds from /proc/stat: busy (all non-idle) and steal (taken by the host). */
export function machineCpu(): { busy: number; steal: number } {
  const line = readFileSync('/proc/stat', 'utf8').split('\n')[0]!
  const v = line.trim().split(/\s+/).slice(1).map(Number)
  const [user = 0, nice = 0, system = 0, , , irq = 0, softirq = 0, steal = 0] = v
  return { busy: (user + nice + system + irq + softirq) / CLK_TCK, steal: steal / CLK_TCK }
}
