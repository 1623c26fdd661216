// Starts a TypeScript worker: workers do not inherit the tsx loader of the main thread (or
// vitest's transform), so register tsx here and then load the entry named in workerData.
import { workerData } from 'node:worker_threads'
import { register } from 'tsx/esm/api'

register()
await import(workerData.entry)
