// Hocuspocus 3.4.4 as a peer: in memory (no persistence extension), default configuration,
// bound to 127.0.0.1 only (Server.listen would ignore the address and bind every interface).
import { Server } from '@hocuspocus/server'

const server = new Server({ quiet: true, stopOnSignals: false })
server.httpServer.listen(0, '127.0.0.1', () => {
  process.stdout.write(`listening on ${server.address.port}\n`)
})
process.on('SIGTERM', () => process.exit(0))
