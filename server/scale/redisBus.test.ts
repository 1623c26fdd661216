// The Redis bus while Redis is away, against a real private redis-server started late: what waits
// for Redis in memory is bounded (a long outage during a workshop must not grow the instance
// without end, nor flood Redis and every instance with stale cursors when it returns). Documents
// lose nothing: rooms catch up from storage.
import { Redis } from 'ioredis'
import { afterAll, describe, expect, it } from 'vitest'
import { silentLog } from '../log.ts'
import { waitFor } from '../testing/harness.ts'
import { freePort, hasRedisServer, startRedisServer, type Proc } from '../testing/processes.ts'
import { MAX_OFFLINE_UPDATES, openRedisBus } from './redisBus.ts'

describe.skipIf(!hasRedisServer())('redis bus while Redis is away', () => {
  let redis: Proc | null = null
  afterAll(async () => redis?.stop())

  it('keeps at most MAX_OFFLINE_UPDATES updates and no presence for a Redis that is down', async () => {
    const port = await freePort()
    const url = `redis://127.0.0.1:${port}`
    const bus = openRedisBus(url, silentLog)
    try {
      for (let i = 0; i < 5000; i++) {
        bus.publishUpdate('offline-board', new Uint8Array([1, 2, 3, i % 256]))
        bus.publishAwareness('offline-board', new Uint8Array([0]))
      }
      redis = await startRedisServer(port)
      const reader = new Redis(url)
      const sub = new Redis(url)
      let presence = 0
      sub.on('message', () => presence++)
      await sub.subscribe('lw:board:offline-board:awareness')
      // Commands on one connection run in order: once a marker is in the stream, all that was
      // queued before it has reached Redis. The marker is sent again until one gets through (one
      // sent while the bus is still reconnecting may be dropped, as any update then may).
      const marker = Buffer.from([9, 9, 9])
      const stream = 'lw:board:offline-board:updates'
      const entries = async () => ((await reader.xrangeBuffer(stream, '-', '+')) as Array<[Buffer, Buffer[]]>).map(([, f]) => Buffer.from(f[3]!))
      // The marker is published again now and then: the bus may still be reconnecting.
      let tries = 0
      await waitFor(async () => {
        if (tries++ % 40 === 0) bus.publishUpdate('offline-board', new Uint8Array(marker))
        return (await entries()).some((u) => u.equals(marker))
      }, 20_000, 'the marker in the stream')
      expect((await entries()).filter((u) => !u.equals(marker)).length).toBeLessThanOrEqual(MAX_OFFLINE_UPDATES)
      // A ping through the subscriber's connection after the commands: presence queued while Redis was away would have arrived.
      bus.publishAwareness('offline-board', new Uint8Array([1]))
      await waitFor(() => presence > 0, 5000, 'the ping')
      expect(presence).toBe(1)
      reader.disconnect()
      sub.disconnect()
    } finally {
      await bus.close()
    }
  })
})
