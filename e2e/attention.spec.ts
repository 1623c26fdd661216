// Attention, the presenter view and the harvest on a place-workshop board, in real browsers: Fay
// (the board's owner, so she facilitates) and Pat (a participant). Fay starts the place-workshop
// template (its table areas appear on the canvas) and turns on follow me: Pat's view follows hers;
// Pat breaks away by panning and rejoins with one click. Then Fay brings everyone to her view once,
// spotlights a pattern (Pat's view centres it, the rest dims) and hides everyone's cursors (Pat's
// browser stops sending its pointer). Olive, an observer, opens the presenter view: the board
// without tools, following Fay, with the phase and timer in large type. Last, the harvest view
// shows each table's patterns side by side, with the vote totals once the vote has closed.
// Screenshots: e2e/artifacts/presenter.png, harvest.png, spotlight.png and follow-away.png (Pat's
// view) and attention-facilitator.png (Fay's controls). Hooks: client/README.md "Attention".
import { mkdirSync } from 'node:fs'
import { join } from 'node:path'
import type { Page } from 'playwright-core'
import { beforeAll, describe, expect, it } from 'vitest'
import { createPattern } from '../shared/ops/pattern.ts'
import { createStory } from '../shared/ops/story.ts'
import { templateById } from '../shared/templates/index.ts'
import type { BoardPage } from './pages/BoardPage.ts'
import { type Person, useE2E } from './support/fixture.ts'
import { report, severeViolations } from './support/axe.ts'
import { ARTIFACTS } from './support/paths.ts'
import { writeBoard } from './support/seed.ts'

const e2e = useE2E()
/** Waiting for the other side: generous on a shared two-core machine; no timing is asserted. */
const SYNC = { timeout: 15_000, interval: 50 }
const STEP = 120_000

const WORKSHOP = templateById('place-workshop')!
const tableRect = (n: number) => WORKSHOP.areas[n - 1]!.rect

/** What each table made of the same kind of stories: [table, pattern name, story texts]. */
const TABLE_PATTERNS: [number, string, string[]][] = [
  [1, 'Waiting wears people down', ['Six weeks for a decision', 'Rent arrears while waiting', 'Gave up calling']],
  [1, 'Trust comes first', ['Same worker every visit', 'She believed me']],
  [2, 'Delays cost money', ['Arrears grew by £400', 'Bailiff letter during the wait', 'Borrowed from family']],
  [3, 'People stop asking', ['Did not reapply', 'Told a friend not to bother']],
]

type Cam = { x: number; y: number; zoom: number }
type View = { camera: Cam; viewport: { w: number; h: number } }
const hook = (page: Page, id: string) => page.getByTestId(id)
const view = (b: BoardPage): Promise<View> => b.api((lw) => ({ camera: lw.ui().camera, viewport: lw.ui().viewport }))
/** The canvas point at the centre of a person's screen. */
const centre = ({ camera: c, viewport: v }: View) => ({ x: v.w / 2 / c.zoom - c.x, y: v.h / 2 / c.zoom - c.y })
const box = ({ camera: c, viewport: v }: View) => ({ x: -c.x, y: -c.y, w: v.w / c.zoom, h: v.h / c.zoom })
const apart = (a: { x: number; y: number }, b: { x: number; y: number }) => Math.hypot(a.x - b.x, a.y - b.y)

/** Pans by wheel over the middle of the canvas (ctrl: zoom), as a person with a trackpad does. */
async function wheel(b: BoardPage, dx: number, dy: number, zoom = false): Promise<void> {
  const r = await b.canvas.boundingBox()
  if (!r) throw new Error('no canvas on screen')
  await b.page.mouse.move(r.x + r.width / 2, r.y + r.height / 2)
  if (zoom) await b.page.keyboard.down('Control')
  await b.page.mouse.wheel(dx, dy)
  if (zoom) await b.page.keyboard.up('Control')
}

/** How far Pat's centre is from Fay's, and whether Fay's whole view is on Pat's screen. */
async function followGap(fay: BoardPage, pat: BoardPage): Promise<{ gap: number; covers: boolean }> {
  const [f, p] = await Promise.all([view(fay), view(pat)])
  const fb = box(f)
  const pb = box(p)
  const covers = pb.x <= fb.x + 2 && pb.y <= fb.y + 2 && pb.x + pb.w >= fb.x + fb.w - 2 && pb.y + pb.h >= fb.y + fb.h - 2
  return { gap: apart(centre(f), centre(p)), covers }
}

describe('attention, presenter view and harvest at a place workshop', () => {
  let fay: Person
  let pat: Person
  let olive: Person
  let boardId: string
  const patternIds = new Map<string, string>()

  beforeAll(async () => {
    mkdirSync(ARTIFACTS, { recursive: true })
    ;[fay, pat] = await Promise.all([e2e.person('Fay Facilitator'), e2e.person('Pat Participant')])
    boardId = await fay.api.createBoard('Ashby place workshop', 'place')
    await e2e.addMember(fay, boardId, pat, 'contributor')
    // The tables' stories and patterns, written as an integrator would (typing 12 stories is not the subject here).
    const made = await writeBoard(e2e.baseUrl, fay.api.token!, boardId, (doc) => {
      const out: [string, string][] = []
      TABLE_PATTERNS.forEach(([table, name, texts], i) => {
        const t = tableRect(table)
        const top = t.y + 140 + (i % 2 === 1 ? 420 : 0)
        const ids = texts.map((text, k) => {
          const r = createStory(doc, { pos: { x: t.x + 100 + k * 230, y: top }, text }, { kind: 'local' })
          if (!r.ok) throw new Error(r.error.message)
          return r.value.id
        })
        const area = { x: t.x + 70, y: top - 30, w: texts.length * 230 + 40, h: 220 }
        const p = createPattern(doc, { name, area, storyIds: ids }, { kind: 'local' })
        if (!p.ok) throw new Error(p.error.message)
        out.push([name, p.value.id])
      })
      return out
    })
    for (const [name, id] of made) patternIds.set(name, id)
    await Promise.all([fay.board.open(boardId), pat.board.open(boardId)])
  }, STEP)

  it('Fay starts the place workshop: its eight tables are drawn on everyone\'s canvas', async () => {
    await hook(fay.page, 'session-setup').click()
    await hook(fay.page, 'session-template').selectOption(WORKSHOP.id)
    await hook(fay.page, 'session-start').click()
    for (const p of [fay, pat]) await expect.poll(() => hook(p.page, 'session-bar').getAttribute('data-phase'), SYNC).toBe('one')
    await expect.poll(() => pat.board.canvasTexts(), SYNC).toEqual(expect.arrayContaining(['Table 1', 'Table 8']))
  }, STEP)

  it('follow me: Pat\'s view follows Fay\'s; Pat breaks away by panning and rejoins with one click', async () => {
    await hook(fay.page, 'follow-me').click()
    await expect.poll(() => hook(pat.page, 'follow-pill').getAttribute('data-state'), SYNC).toBe('following')
    expect(await hook(pat.page, 'follow-pill').innerText()).toContain('Following Fay Facilitator')
    expect(await hook(fay.page, 'follow-pill').getAttribute('data-state')).toBe('leading')

    await wheel(fay.board, 1500, 900)
    await wheel(fay.board, 0, 400, true)
    await expect.poll(async () => { const g = await followGap(fay.board, pat.board); return g.gap < 2 && g.covers }, SYNC).toBe(true)
    const fayZoom = (await view(fay.board)).camera.zoom
    expect(fayZoom).toBeLessThan(1)

    // Pat pans on their own: they leave Fay's view, and Fay's next moves no longer pull them.
    await wheel(pat.board, -600, 300)
    await expect.poll(() => hook(pat.page, 'follow-pill').getAttribute('data-state'), SYNC).toBe('away')
    const patAway = (await view(pat.board)).camera
    await wheel(fay.board, 800, 0)
    const fayView = box(await view(fay.board))
    const fayClient = await fay.board.api((lw) => lw.awareness.clientID)
    // Once Fay's new view has reached Pat's browser, Pat's camera is still where Pat put it.
    await expect
      .poll(async () => {
        const seen = await pat.board.page.evaluate((id) => (window.__learningWall?.awareness.getStates().get(id) as { view?: { x: number } } | undefined)?.view?.x, fayClient)
        return seen !== undefined && Math.abs(seen - fayView.x) <= 1
      }, SYNC)
      .toBe(true)
    expect((await view(pat.board)).camera).toEqual(patAway)
    await pat.page.screenshot({ path: join(ARTIFACTS, 'follow-away.png') })

    await hook(pat.page, 'follow-rejoin').click()
    await expect.poll(() => hook(pat.page, 'follow-pill').getAttribute('data-state'), SYNC).toBe('following')
    await expect.poll(async () => (await followGap(fay.board, pat.board)).gap < 2, SYNC).toBe(true)

    await hook(fay.page, 'follow-me').click()
    await expect.poll(() => hook(pat.page, 'follow-pill').count(), SYNC).toBe(0)
  }, STEP)

  it('Fay reloads while the room follows her: her new page takes the lead back and Pat follows it', async () => {
    await hook(fay.page, 'follow-me').click()
    await expect.poll(() => hook(pat.page, 'follow-pill').getAttribute('data-state'), SYNC).toBe('following')
    const before = await fay.board.api((lw) => lw.awareness.clientID)
    await fay.page.reload()
    await fay.board.ready()
    const after = await fay.board.api((lw) => lw.awareness.clientID)
    expect(after).not.toBe(before)
    // Nobody pressed anything: Fay's page claimed follow me with its new client id.
    await expect.poll(() => hook(fay.page, 'follow-pill').getAttribute('data-state'), SYNC).toBe('leading')
    await expect.poll(() => hook(pat.page, 'follow-pill').getAttribute('data-state'), SYNC).toBe('following')
    await wheel(fay.board, -700, 500)
    await expect.poll(async () => { const g = await followGap(fay.board, pat.board); return g.gap < 2 && g.covers }, SYNC).toBe(true)

    await hook(fay.page, 'follow-me').click()
    await expect.poll(() => hook(pat.page, 'follow-pill').count(), SYNC).toBe(0)
  }, STEP)

  it('bring everyone here moves Pat\'s view once to Fay\'s centre and zoom', async () => {
    await wheel(pat.board, 2000, -500)
    await wheel(fay.board, -1200, 600)
    const target = await view(fay.board)
    expect(apart(centre(target), centre(await view(pat.board)))).toBeGreaterThan(200)
    await hook(fay.page, 'summon').click()
    await expect.poll(async () => apart(centre(await view(pat.board)), centre(target)) < 2, SYNC).toBe(true)
    expect((await view(pat.board)).camera.zoom).toBeCloseTo(target.camera.zoom, 6)
    // One-shot: Pat may move on at once, and stays where they went.
    await wheel(pat.board, 300, 0)
    const moved = (await view(pat.board)).camera
    expect(apart(centre(await view(pat.board)), centre(target))).toBeGreaterThan(100)
    expect((await view(pat.board)).camera).toEqual(moved)
  }, STEP)

  it('spotlight: everyone\'s view centres the pattern, the other patterns dim, until Fay clears it', async () => {
    const id = patternIds.get('Delays cost money')!
    await fay.board.api((lw) => lw.session.ui.setState({ selectedPattern: null }))
    expect(await hook(fay.page, 'spotlight').isDisabled()).toBe(true)
    await fay.page.evaluate((pid) => window.__learningWall?.session.ui.setState({ selectedPattern: pid }), id)
    await hook(fay.page, 'spotlight').click()
    await expect.poll(() => hook(pat.page, 'spotlight-pill').innerText(), SYNC).toBe('Spotlight: Delays cost money')
    const area = (await pat.board.api((lw) => lw.snapshot().patterns)).find((p) => p.id === id)!.area
    const mid = { x: area.x + area.w / 2, y: area.y - 36 / 2 + area.h / 2 }
    await expect.poll(async () => apart(centre(await view(pat.board)), mid) < 2, SYNC).toBe(true)
    const opacityOf = (page: Page, name: string) =>
      page.evaluate((n) => {
        type KNode = { text(): string; getParent(): { opacity(): number } | null }
        const stages = (window as unknown as { Konva: { stages: { find(s: string): KNode[] }[] } }).Konva.stages
        const text = stages.flatMap((s) => s.find('Text')).find((t) => t.text().startsWith(n))
        return text?.getParent()?.opacity() ?? null
      }, name)
    await expect.poll(() => opacityOf(pat.page, 'Delays cost money'), SYNC).toBe(1)
    await wheel(pat.board, 0, 600, true) // zoom out to see the neighbours, dimmed
    await expect.poll(() => opacityOf(pat.page, 'Waiting wears people down'), SYNC).toBeLessThan(1)
    await pat.page.screenshot({ path: join(ARTIFACTS, 'spotlight.png') })
    await fay.page.screenshot({ path: join(ARTIFACTS, 'attention-facilitator.png') })

    await hook(fay.page, 'spotlight-clear').click()
    await expect.poll(() => hook(pat.page, 'spotlight-pill').count(), SYNC).toBe(0)
    await expect.poll(() => opacityOf(pat.page, 'Waiting wears people down'), SYNC).toBe(1)
  }, STEP)

  it('hide cursors: nobody draws pointers, and Pat\'s browser stops sending its own', async () => {
    const patName = 'Pat Participant'
    const r = (await pat.board.canvas.boundingBox())!
    await pat.page.mouse.move(r.x + 300, r.y + 300, { steps: 3 })
    await expect.poll(() => fay.board.canvasTexts(), SYNC).toContain(patName)

    const sent: string[] = []
    const cdp = await pat.context.newCDPSession(pat.page)
    await cdp.send('Network.enable')
    cdp.on('Network.webSocketFrameSent', (e: { response: { payloadData: string; opcode: number } }) => {
      if (e.response.opcode === 2) sent.push(Buffer.from(e.response.payloadData, 'base64').toString('latin1'))
    })

    await hook(fay.page, 'hide-cursors').click()
    await expect.poll(() => pat.board.api((lw) => lw.ui().cursorsHidden), SYNC).toBe(true)
    await expect.poll(() => fay.board.canvasTexts(), SYNC).not.toContain(patName)
    const from = sent.length
    for (let i = 0; i < 12; i++) await pat.page.mouse.move(r.x + 320 + i * 25, r.y + 310 + i * 10)
    // A fence: selecting a story is presence Pat does send; the pointer moves came before it.
    const storyId = (await pat.board.stories())[0]!.id
    await pat.page.evaluate((sid) => window.__learningWall?.session.setPresence('selection', [sid]), storyId)
    await expect.poll(() => sent.slice(from).some((f) => f.includes(storyId)), SYNC).toBe(true)
    const awarenessFrames = sent.slice(from).filter((f) => f.charCodeAt(0) === 1)
    expect(awarenessFrames.length).toBeGreaterThan(0)
    expect(awarenessFrames.filter((f) => f.includes('"pointer":{'))).toEqual([])
    expect(await pat.board.api((lw) => (lw.awareness.getLocalState() as { pointer: unknown }).pointer)).toBeNull()
    expect((await fay.board.peers()).find((p) => p.name === patName)?.pointer).toBeNull()

    await hook(fay.page, 'hide-cursors').click()
    await expect.poll(() => pat.board.api((lw) => lw.ui().cursorsHidden), SYNC).toBe(false)
    await pat.page.mouse.move(r.x + 200, r.y + 200, { steps: 3 })
    await expect.poll(() => fay.board.canvasTexts(), SYNC).toContain(patName)
    await cdp.detach()
  }, STEP)

  it('the presenter view (an observer\'s projector): no tools, follows Fay, phase and timer in large type (screenshot)', async () => {
    // bypassCSP only so that axe-core can be injected (the app's CSP allows its own scripts only).
    olive = await e2e.person('Olive Observer', { viewport: { width: 1280, height: 720 }, bypassCSP: true })
    await e2e.addMember(fay, boardId, olive, 'observer')
    await hook(fay.page, 'session-next').click()
    await expect.poll(() => hook(fay.page, 'session-bar').getAttribute('data-phase'), SYNC).toBe('two')
    await hook(fay.page, 'session-next').click()
    await expect.poll(() => hook(fay.page, 'session-bar').getAttribute('data-phase'), SYNC).toBe('four')
    await hook(fay.page, 'timer-start').click()
    await hook(fay.page, 'follow-me').click()
    await fay.board.api((lw) => lw.session.ui.setState({ camera: { x: -20, y: 60, zoom: 0.42 } }))

    await olive.page.goto(`${e2e.baseUrl}/b/${boardId}/present`)
    await olive.board.ready()
    const phase = hook(olive.page, 'presenter-phase')
    await expect.poll(() => phase.innerText(), SYNC).toBe('4: in fours')
    expect(await hook(olive.page, 'presenter-prompt').innerText()).toBe(WORKSHOP.phases[2]!.prompt)
    await expect.poll(async () => /^\d+:\d\d$/.test((await hook(olive.page, 'presenter-timer').innerText()).trim()), SYNC).toBe(true)
    const px = (sel: string) => olive.page.locator(sel).evaluate((el) => parseFloat(getComputedStyle(el).fontSize))
    expect(await px('[data-testid=presenter-phase]')).toBeGreaterThanOrEqual(40)
    expect(await px('[data-testid=presenter-timer]')).toBeGreaterThanOrEqual(72)
    // No tools, no chrome, no editing controls; and the projector is not a person on the board.
    for (const id of ['session-bar', 'vote-bar', 'zoom-readout', 'outline-toggle', 'attention-controls']) expect(await hook(olive.page, id).count()).toBe(0)
    expect(await olive.page.locator('.toolbar, .board-header').count()).toBe(0)
    expect(await fay.board.avatarNames()).not.toContain('Olive Observer')
    // The projector glides to Fay's view: covering it comes before the centres meet.
    await expect.poll(async () => { const g = await followGap(fay.board, olive.board); return g.gap < 2 && g.covers }, SYNC).toBe(true)
    await olive.page.screenshot({ path: join(ARTIFACTS, 'presenter.png') })
    // Someone without a role on the board gets no presenter view and no byte of the board.
    const sam = await e2e.person('Sam Stranger')
    await sam.page.goto(`${e2e.baseUrl}/b/${boardId}/present`)
    await sam.page.getByRole('heading', { name: 'Cannot present this board' }).waitFor()
    expect(await sam.page.evaluate(() => window.__learningWall === undefined)).toBe(true)
    expect(await sam.page.locator('body').innerText()).not.toContain('Delays cost money')
    const violations = await severeViolations(olive.page)
    expect(violations.length, report('presenter view', violations)).toBe(0)
    await hook(fay.page, 'follow-me').click()
  }, STEP)

  it('the harvest view shows each table\'s patterns side by side, with vote totals once closed (screenshot)', async () => {
    const vote = (who: Person, path: string, body: unknown = {}) => who.api.request('POST', `/api/boards/${boardId}/vote/${path}`, body)
    expect((await vote(fay, 'open', { votesPerPerson: 3 })).status).toBe(201)
    expect((await vote(pat, 'cast', { patternId: patternIds.get('Delays cost money'), delta: 1 })).status).toBe(200)
    expect((await vote(pat, 'cast', { patternId: patternIds.get('Delays cost money'), delta: 1 })).status).toBe(200)
    expect((await vote(fay, 'cast', { patternId: patternIds.get('Trust comes first'), delta: 1 })).status).toBe(200)

    await hook(pat.page, 'harvest-toggle').click()
    const harvest = hook(pat.page, 'harvest')
    await harvest.waitFor()
    const columns = () =>
      harvest.locator('[data-testid=harvest-table]').evaluateAll((els) =>
        els.map((el) => ({
          table: el.querySelector('[data-testid=harvest-table-name]')?.textContent,
          patterns: [...el.querySelectorAll('[data-testid=harvest-pattern]')].map((li) => ({
            name: li.querySelector('[data-testid=harvest-pattern-name]')?.textContent,
            evidence: li.querySelector('[data-testid=harvest-evidence]')?.textContent,
            votes: li.querySelector('[data-testid=harvest-votes]')?.getAttribute('data-votes') ?? null,
          })),
        })),
      )
    // Votes stay hidden while the vote is open.
    const open = await columns()
    expect(open.map((c) => c.table)).toEqual(WORKSHOP.areas.map((a) => a.label))
    expect(open[0]!.patterns).toEqual([
      { name: 'Waiting wears people down', evidence: '3 stories', votes: null },
      { name: 'Trust comes first', evidence: '2 stories', votes: null },
    ])
    expect(open[1]!.patterns).toEqual([{ name: 'Delays cost money', evidence: '3 stories', votes: null }])
    expect(open[2]!.patterns).toEqual([{ name: 'People stop asking', evidence: '2 stories', votes: null }])
    expect(open.slice(3).every((c) => c.patterns.length === 0)).toBe(true)

    expect((await vote(fay, 'close')).status).toBe(200)
    await expect.poll(async () => (await columns())[0]!.patterns.map((p) => [p.name, p.votes]), SYNC).toEqual([
      ['Trust comes first', '1'],
      ['Waiting wears people down', '0'],
    ])
    expect((await columns())[1]!.patterns[0]!.votes).toBe('2')
    // Side by side: the first three columns sit in one row, left to right.
    const tops = await harvest.locator('[data-testid=harvest-table]').evaluateAll((els) => els.slice(0, 3).map((e) => e.getBoundingClientRect()))
    expect(new Set(tops.map((t) => Math.round(t.top))).size).toBe(1)
    expect(tops[0]!.left).toBeLessThan(tops[1]!.left)
    await pat.page.screenshot({ path: join(ARTIFACTS, 'harvest.png') })

    // An observer sees the same harvest; it passes axe (serious and critical).
    await olive.board.open(boardId)
    await hook(olive.page, 'harvest-toggle').click()
    await expect.poll(() => olive.page.locator('[data-testid=harvest-votes]').count(), SYNC).toBe(4)
    const violations = await severeViolations(olive.page, { include: '[data-testid=harvest]' })
    expect(violations.length, report('harvest view', violations)).toBe(0)
  }, STEP)
})
