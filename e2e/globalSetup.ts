// Once per vitest run that includes e2e specs: build the client in test mode (cached by source
// hash in dist/e2e-client) and start one real server for every spec file, which each make their
// own accounts and boards. Runs that select only unit tests (`vitest run shared`) skip all this.
import { readdirSync } from 'node:fs'
import { join, relative } from 'node:path'
import type { TestProject } from 'vitest/node'
import { buildClient } from './support/buildClient.ts'
import { REPO } from './support/paths.ts'
import { startServer } from './support/server.ts'

/** Whether the run's file filters (`vitest run <filter>…`) select any e2e spec. */
function runIncludesE2E(project: TestProject): boolean {
  // Not public API: read defensively, and build when unsure.
  const filters = (project.vitest as unknown as { filenamePattern?: string[] }).filenamePattern
  if (!filters?.length) return true
  const specs = readdirSync(join(REPO, 'e2e'))
    .filter((f) => f.endsWith('.spec.ts'))
    .map((f) => join(REPO, 'e2e', f))
  return specs.some((abs) =>
    filters.some((f) => abs.includes(f) || relative(REPO, abs).includes(f.replace(/^\.\//, ''))),
  )
}

export default async function setup(
  project: TestProject,
): Promise<(() => Promise<void>) | undefined> {
  if (!runIncludesE2E(project)) return undefined
  const started = Date.now()
  const staticDir = await buildClient((line) => process.stdout.write(`[e2e] ${line}\n`))
  const server = await startServer({ staticDir })
  process.stdout.write(
    `[e2e] server ${server.url} (pid ${server.pid}) ready after ${((Date.now() - started) / 1000).toFixed(1)} s\n`,
  )
  project.provide('e2eBaseUrl', server.url)
  return async () => {
    await server.stop()
  }
}
