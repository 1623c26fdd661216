// What a connection or request may do on a board. Pure module.

/** none: refused before any byte of the board; read: receives, writes dropped; write: full. */
export const ACCESS = ['none', 'read', 'write'] as const
export type Access = (typeof ACCESS)[number]

export const canRead = (a: Access): boolean => a === 'read' || a === 'write'
export const canWrite = (a: Access): boolean => a === 'write'
