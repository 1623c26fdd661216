// The read-amplification attacker (issue 15, case 5), in its own process so that receiving what
// the server sends back costs the measuring process nothing: an observer's socket sends bursts of
// four-byte sync step 1 frames with an empty state vector, and counts the bytes it gets back.
// Args: <ws url> <frames per burst> <ms between bursts>. Prints `ready`, then its counts
// (`{"bytes":…,"frames":…,"sent":…,"open":…}`) every half second until it is stopped.
import WebSocket from 'ws'

const [url, perBurst = '400', everyMs = '100'] = process.argv.slice(2)
const STEP1_EMPTY = new Uint8Array([0, 0, 1, 0]) // sync, step 1, a one-byte state vector: no clients
let bytes = 0
let frames = 0
let sent = 0
const ws = new WebSocket(url!)
ws.on('message', (data: Buffer) => {
  bytes += data.length
  frames++
})
ws.on('error', (e) => process.stderr.write(`attacker: ${e.message}\n`))
ws.on('open', () => {
  process.stdout.write('ready\n')
  setInterval(() => {
    if (ws.readyState !== ws.OPEN) return
    for (let i = 0; i < Number(perBurst); i++) ws.send(STEP1_EMPTY)
    sent += Number(perBurst)
  }, Number(everyMs))
})
const report = () => process.stdout.write(`${JSON.stringify({ bytes, frames, sent, open: ws.readyState === ws.OPEN })}\n`)
setInterval(report, 500)
process.on('SIGTERM', () => {
  report()
  process.exit(0)
})
