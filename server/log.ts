// A structured logger passed in as a dependency. Never log story text, names typed into stories
// or tokens: log ids, counts and codes.
export type LogFields = Record<string, string | number | boolean | null | undefined>

export interface Log {
  info(event: string, fields?: LogFields): void
  warn(event: string, fields?: LogFields): void
  error(event: string, fields?: LogFields): void
}

/**
 * A private draft room's name ends in its writer's id (`<board>~draft~<user>`): logs name the
 * board's drafts, never whose, so no log line ties a person to a board's private writing.
 */
const withoutDraftOwner = (line: string): string => line.replace(/~draft~[A-Za-z0-9_-]+/g, '~draft')

export function jsonLog(write: (line: string) => void, level: 'info' | 'warn' | 'error' = 'info'): Log {
  const order = { info: 0, warn: 1, error: 2 }
  const emit = (l: keyof typeof order) => (event: string, fields?: LogFields) => {
    if (order[l] < order[level]) return
    write(withoutDraftOwner(JSON.stringify({ t: new Date().toISOString(), level: l, event, ...fields })))
  }
  return { info: emit('info'), warn: emit('warn'), error: emit('error') }
}

export const silentLog: Log = { info() {}, warn() {}, error() {} }
