// What the connection badge says, as a pure reducer over provider and browser events.
// Pure module: no DOM, no React.
import { describeClose, isPermanentClose } from '../../shared/protocol/closeCodes.ts'

export type ConnectionStatus = 'connecting' | 'connected' | 'reconnecting' | 'offline' | 'closed'
export type Connection = { status: ConnectionStatus; synced: boolean; everConnected: boolean; message: string | null }

export type ConnectionEvent =
  | { type: 'status'; status: 'connected' | 'connecting' | 'disconnected' }
  | { type: 'synced'; synced: boolean }
  | { type: 'online' }
  | { type: 'offline' }
  | { type: 'closed'; code: number }

export const INITIAL_CONNECTION: Connection = { status: 'connecting', synced: false, everConnected: false, message: null }

export function reduceConnection(c: Connection, e: ConnectionEvent): Connection {
  if (c.status === 'closed') return c
  switch (e.type) {
    case 'status':
      if (e.status === 'connected') return { ...c, status: 'connected', everConnected: true, message: null }
      if (c.status === 'offline') return c
      return { ...c, status: c.everConnected ? 'reconnecting' : 'connecting', synced: false }
    case 'synced':
      return { ...c, synced: e.synced }
    case 'offline':
      return { ...c, status: 'offline', synced: false }
    case 'online':
      return c.status === 'offline' ? { ...c, status: 'reconnecting' } : c
    case 'closed':
      return isPermanentClose(e.code)
        ? { ...c, status: 'closed', synced: false, message: describeClose(e.code) }
        : { ...c, status: 'reconnecting', message: describeClose(e.code) }
  }
}

export const CONNECTION_LABELS: Record<ConnectionStatus, string> = {
  connecting: 'Connecting…',
  connected: 'Connected',
  reconnecting: 'Reconnecting…',
  offline: 'Offline: your edits are kept on this device',
  closed: 'Disconnected',
}
