// WebSocket close codes, shared by the server that sends them and the client that explains them.
// 4400–4499 mirror HTTP 4xx: the stock y-websocket client does not reconnect on them.

export const CLOSE = {
  normal: 1000,
  goingAway: 1001,
  protocolError: 1002,
  unsupportedData: 1003,
  policyViolation: 1008,
  messageTooBig: 1009,
  internalError: 1011,
  tryAgainLater: 1013,
  badRequest: 4400,
  unauthenticated: 4401,
  forbidden: 4403,
  notFound: 4404,
  timeout: 4408,
  tooManyRequests: 4429,
  /** Transient (4500–4599): reconnect and read the new role. */
  roleChanged: 4501,
  serverRestarting: 4503,
} as const

export type CloseCodeName = keyof typeof CLOSE
export type CloseCode = (typeof CLOSE)[CloseCodeName]

const MESSAGES: Record<CloseCode, string> = {
  1000: 'The connection was closed.',
  1001: 'The server is going away; reconnecting.',
  1002: 'The connection broke the sync protocol.',
  1003: 'The server received data it does not accept.',
  1008: 'The connection broke a server rule.',
  1009: 'A message was too large for the server.',
  1011: 'The server hit an error; reconnecting.',
  1013: 'The server is busy; reconnecting.',
  4400: 'The request to open this board was not valid.',
  4401: 'Please sign in to open this board.',
  4403: 'You do not have access to this board.',
  4404: 'This board does not exist.',
  4408: 'The connection timed out.',
  4429: 'Too many messages; slow down.',
  4501: 'Your role on this board changed; reconnecting.',
  4503: 'The server is restarting; reconnecting.',
}

/** A clear sentence for a person, for any close code (unknown codes get a generic one). */
export function describeClose(code: number): string {
  return (MESSAGES as Record<number, string>)[code] ?? `The connection closed (code ${code}).`
}

/** Permanent closes: reconnecting cannot fix them. */
export const isPermanentClose = (code: number): boolean => code >= 4400 && code < 4500
