// Where the e2e suite keeps things: the repository root, the cached test build, artifacts.
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

export const REPO = join(dirname(fileURLToPath(import.meta.url)), '..', '..')
/** Test builds of the client, one folder per content hash of the sources (see buildClient). */
export const BUILD_ROOT = join(REPO, 'dist', 'e2e-client')
export const ARTIFACTS = join(REPO, 'e2e', 'artifacts')
