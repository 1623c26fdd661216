// A round-robin TCP load balancer for trying scale-out on one machine (node:net only; not for
// production). Each client connection goes to the next backend, so HTTP and WebSocket upgrades
// pass through untouched; a backend that refuses the connection is skipped.
//   node scripts/lb.js 8080 127.0.0.1:8081 127.0.0.1:8082
import net from 'node:net'
import process from 'node:process'

const [listenPort, ...targets] = process.argv.slice(2)
if (!listenPort || targets.length === 0) {
  process.stderr.write('usage: node scripts/lb.js LISTEN_PORT HOST:PORT [HOST:PORT ...]\n')
  process.exit(2)
}
const backends = targets.map((t) => ({ host: t.slice(0, t.lastIndexOf(':')), port: Number(t.slice(t.lastIndexOf(':') + 1)) }))
let next = 0

net
  .createServer((client) => {
    client.pause()
    client.on('error', () => {})
    const attempt = (tries) => {
      if (tries === backends.length) return client.destroy()
      const backend = backends[next++ % backends.length]
      const upstream = net.connect(backend)
      let connected = false
      upstream.on('error', () => (connected ? client.destroy() : attempt(tries + 1)))
      upstream.once('connect', () => {
        connected = true
        client.on('close', () => upstream.destroy())
        upstream.on('close', () => client.destroy())
        client.pipe(upstream).pipe(client)
        client.resume()
      })
    }
    attempt(0)
  })
  .listen(Number(listenPort), () => process.stdout.write(`lb on :${listenPort} -> ${targets.join(', ')}\n`))
