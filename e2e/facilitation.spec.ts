// A facilitated team reflection in three browsers: Fay (facilitator, not the owner) and two
// participants, Pia and Pete, plus Sam, an observer whose device clock is ten minutes fast. Fay
// starts the team-reflection template and runs its timer (start, pause, extend; Sam's reads the
// same); in the private Reflect phase each participant writes into their own draft room, and
// Pete's browser receives no byte of Pia's draft in any frame until Fay moves on, which reveals it
// to everyone. Fay groups the stories, runs a dot vote, steps through So what? and Now what?,
// locks an item and then the whole board; a participant's write forced over the socket while
// locked is refused by the server. Screenshots in e2e/artifacts: facilitation-start.png (the
// template chooser), facilitation-private.png (Pia's drafts), facilitation-facilitator.png (Fay's
// bar) and facilitation.png (locked, at the end). Hooks: client/README.md "Facilitation".
import { mkdirSync } from 'node:fs'
import { join } from 'node:path'
import type { Page } from 'playwright-core'
import WebSocket from 'ws'
import * as Y from 'yjs'
import * as encoding from 'lib0/encoding'
import { beforeAll, describe, expect, it } from 'vitest'
import { ApiClient, uniqueEmail } from '../server/testing/apiClient.ts'
import { createPattern } from '../shared/ops/pattern.ts'
import { templateById } from '../shared/templates/index.ts'
import { type Person, PASSWORD, useE2E } from './support/fixture.ts'
import { report, severeViolations } from './support/axe.ts'
import { ARTIFACTS } from './support/paths.ts'
import { writeBoard } from './support/seed.ts'

// axe's source is injected as a script: the app's CSP (script-src 'self') would refuse it.
const e2e = useE2E({ bypassCSP: true })
/** Waiting for the other side: generous on a shared two-core machine; no timing is asserted. */
const SYNC = { timeout: 15_000, interval: 50 }
const STEP = 120_000

const TEMPLATE = templateById('team-reflection')!
const PIA_DRAFT = 'PIA-CANARY-7f3a waited nine weeks for the adaptation'
const PETE_DRAFT = 'Pete: the repair came within a day'
const PIA_CANARY = 'PIA-CANARY-7f3a'

const hook = (page: Page, id: string) => page.getByTestId(id)
const phaseOf = (page: Page) => hook(page, 'session-bar').getAttribute('data-phase')
const leftMs = async (page: Page) => Number(await hook(page, 'session-timer').getAttribute('data-left-ms'))
const timerState = (page: Page) => hook(page, 'session-timer').getAttribute('data-state')
const boardTexts = (p: Person) => p.board.api((lw) => lw.snapshot().stories.map((s) => s.text))

describe('a facilitated team reflection', () => {
  let fay: Person
  let pia: Person
  let pete: Person
  /** An observer whose device clock is ten minutes fast. */
  let sam: Person
  let everyone: Person[]
  let boardId: string
  /** Every frame Pete's browser received on any socket, from before the board opened. */
  const peteFrames: Buffer[] = []
  /** And every frame it sent, to show the search finds draft text in a Yjs update at all. */
  const peteSent: Buffer[] = []

  beforeAll(async () => {
    const owner = new ApiClient(e2e.baseUrl)
    await owner.signUp(uniqueEmail('owner'), 'Olga Owner', PASSWORD)
    boardId = await owner.createBoard('Housing team reflection', 'team')
    ;[fay, pia, pete, sam] = await Promise.all([e2e.person('Fay Facilitator'), e2e.person('Pia Participant'), e2e.person('Pete Participant'), e2e.person('Sam Observer')])
    everyone = [fay, pia, pete]
    for (const [who, role] of [[fay, 'facilitator'], [pia, 'contributor'], [pete, 'contributor'], [sam, 'observer']] as const) {
      const res = await owner.request('POST', `/api/boards/${boardId}/members`, { email: who.email, role })
      expect(res.status).toBe(201)
    }
    pete.page.on('websocket', (ws) => {
      ws.on('framereceived', ({ payload }) => peteFrames.push(Buffer.from(payload)))
      ws.on('framesent', ({ payload }) => peteSent.push(Buffer.from(payload)))
    })
    // Sam's clock runs ten minutes ahead of the server's (and everyone else's); time still flows.
    await sam.context.clock.install({ time: Date.now() + 10 * 60_000 })
    await Promise.all([...everyone, sam].map((p) => p.board.open(boardId)))
  }, STEP)

  it('Fay starts the team reflection; everyone sees the first phase and its prompt', async () => {
    for (const p of [pia, pete]) expect(await hook(p.page, 'session-bar').count()).toBe(0)
    for (const p of [pia, pete]) expect(await hook(p.page, 'session-setup').count()).toBe(0)
    await hook(fay.page, 'session-setup').click()
    await hook(fay.page, 'session-template').selectOption(TEMPLATE.id)
    expect(await hook(fay.page, 'session-template-summary').innerText()).toContain('Reflect → Group → Vote')
    mkdirSync(ARTIFACTS, { recursive: true })
    await fay.page.screenshot({ path: join(ARTIFACTS, 'facilitation-start.png') })
    await hook(fay.page, 'session-start').click()
    const first = TEMPLATE.phases[0]!
    for (const p of everyone) {
      await expect.poll(() => phaseOf(p.page), SYNC).toBe(first.id)
      expect(await hook(p.page, 'session-prompt').innerText()).toContain(first.prompt)
      await hook(p.page, 'private-badge').waitFor()
    }
    // Participants read the session; only Fay gets its controls.
    expect(await hook(pia.page, 'session-next').count()).toBe(0)
    expect(await hook(pia.page, 'timer-start').count()).toBe(0)
    expect(await leftMs(pia.page)).toBe(first.minutes * 60_000)
  }, STEP)

  it('the timer: start, pause and extend show the same time on every screen', async () => {
    await hook(fay.page, 'timer-start').click()
    for (const p of everyone) await expect.poll(() => timerState(p.page), SYNC).toBe('running')
    // Counting down everywhere, from the shared start time.
    await expect.poll(() => leftMs(pete.page), SYNC).toBeLessThan(TEMPLATE.phases[0]!.minutes * 60_000)
    await hook(fay.page, 'timer-pause').click()
    for (const p of everyone) await expect.poll(() => timerState(p.page), SYNC).toBe('paused')
    const paused = await leftMs(fay.page)
    for (const p of [pia, pete]) await expect.poll(() => leftMs(p.page), SYNC).toBe(paused)
    await hook(fay.page, 'timer-extend-5').click()
    await hook(fay.page, 'timer-extend-1').click()
    for (const p of everyone) await expect.poll(() => leftMs(p.page), SYNC).toBe(paused + 6 * 60_000)
    expect(await hook(pia.page, 'timer-clock').innerText()).toMatch(/^\d+:\d\d$/)
    await hook(fay.page, 'timer-start').click()
    for (const p of everyone) await expect.poll(() => timerState(p.page), SYNC).toBe('running')
    // Sam's device clock is ten minutes fast, yet his timer reads as Fay's: both count from the
    // server's clock. (Each screen re-reads every 250 ms, hence the margin.)
    expect((await sam.page.evaluate(() => Date.now())) - Date.now()).toBeGreaterThan(9 * 60_000)
    const apart = async () => {
      const before = await leftMs(fay.page)
      const his = await leftMs(sam.page)
      const after = await leftMs(fay.page)
      return his > before ? his - before : his < after ? after - his : 0
    }
    await expect.poll(apart, SYNC).toBeLessThan(1_500)
  }, STEP)

  it('private writing: each participant writes into their own drafts; nobody else receives a byte of them', async () => {
    // Participants write in their drafts: the board's own tools are off during a private phase.
    await pia.page.getByTestId('view-toolbar').waitFor()
    for (const [p, text] of [[pia, PIA_DRAFT], [pete, PETE_DRAFT]] as const) {
      await hook(p.page, 'private-drafts').waitFor()
      await expect.poll(() => hook(p.page, 'draft-list').getAttribute('data-synced'), SYNC).toBe('true')
      // N on the board, as at any other time, starts a story: in the drafts, not on the board.
      await p.page.locator('canvas').first().focus()
      await p.page.keyboard.press('n')
      await expect.poll(() => p.page.evaluate(() => document.activeElement?.getAttribute('data-testid')), SYNC).toBe('draft-input')
      // The notice N gives ("Private writing: add your stories…") does not cover "Add private story",
      // also on a tablet (Pete).
      if (p === pete) await p.page.setViewportSize({ width: 768, height: 1024 })
      await expect.poll(() => p.page.locator('.notice').innerText(), SYNC).toMatch(/Private writing/)
      const [toast, addButton] = await Promise.all([p.page.locator('.notice').boundingBox(), hook(p.page, 'draft-add').boundingBox()])
      expect(toast!.x >= addButton!.x + addButton!.width || toast!.x + toast!.width <= addButton!.x || toast!.y >= addButton!.y + addButton!.height || toast!.y + toast!.height <= addButton!.y).toBe(true)
      if (p === pete) await p.page.setViewportSize({ width: 1280, height: 800 })
      await hook(p.page, 'draft-input').fill(text)
      // Enter adds it (Pia); the button does too (Pete).
      if (p === pia) await hook(p.page, 'draft-input').press('Enter')
      else await hook(p.page, 'draft-add').click()
      await expect.poll(() => p.page.locator('[data-testid=draft-story] .draft-text').allInnerTexts(), SYNC).toEqual([text])
    }
    expect(await pia.page.locator('[data-testid=draft-story] .private-tag').innerText()).toMatch(/private/i)
    // Facilitators write on the board and have no drafts.
    expect(await hook(fay.page, 'private-drafts').count()).toBe(0)
    mkdirSync(ARTIFACTS, { recursive: true })
    await pia.page.screenshot({ path: join(ARTIFACTS, 'facilitation-private.png') })
    await fay.page.screenshot({ path: join(ARTIFACTS, 'facilitation-facilitator.png') })
    for (const [p, include] of [[fay, '[data-testid=session-bar]'], [pia, '[data-testid=session-bar]'], [pia, '[data-testid=private-drafts]']] as const) {
      const violations = await severeViolations(p.page, { include })
      expect(violations.length, report(`${include} for ${p.name}`, violations)).toBe(0)
    }

    // Pia's draft is in no board document and on no other screen; Pete's socket never carried it.
    for (const p of everyone) expect((await boardTexts(p)).join('\n')).not.toContain(PIA_CANARY)
    for (const p of [fay, pete]) expect(await p.page.content()).not.toContain(PIA_CANARY)
    expect(peteFrames.length).toBeGreaterThan(0)
    const canary = Buffer.from(PIA_CANARY)
    expect(peteFrames.filter((f) => f.includes(canary))).toHaveLength(0)
    // Pete's own draft went out over his draft socket as plain bytes: the search would see a canary.
    expect(peteSent.some((f) => f.includes(Buffer.from('repair came within a day')))).toBe(true)
  }, STEP)

  it('moving on to Group reveals the drafts: everyone sees both stories on the board', async () => {
    await hook(fay.page, 'session-next').click()
    for (const p of everyone) {
      await expect.poll(() => phaseOf(p.page), SYNC).toBe('group')
      await expect.poll(() => boardTexts(p), SYNC).toEqual(expect.arrayContaining([PIA_DRAFT, PETE_DRAFT]))
    }
    for (const p of [pia, pete]) {
      expect(await hook(p.page, 'private-drafts').count()).toBe(0)
      expect(await hook(p.page, 'private-badge').count()).toBe(0)
      // Back to the board's own tools.
      await p.page.getByRole('toolbar', { name: 'Canvas tools', exact: true }).waitFor()
    }
    expect(peteFrames.some((f) => f.includes(Buffer.from(PIA_CANARY)))).toBe(true)
  }, STEP)

  it('Fay groups the two stories into a pattern; then a dot vote in the Vote phase', async () => {
    const stories = await fay.board.stories()
    const ids = stories.map((s) => s.id)
    const xs = stories.map((s) => s.pos.x)
    const ys = stories.map((s) => s.pos.y)
    const area = { x: Math.min(...xs) - 40, y: Math.min(...ys) - 40, w: Math.max(...xs) - Math.min(...xs) + 320, h: Math.max(...ys) - Math.min(...ys) + 260 }
    const token = (await fay.context.cookies()).find((c) => c.name === 'lw_session')!.value
    const patternId = await writeBoard(e2e.baseUrl, token, boardId, (doc) => {
      const r = createPattern(doc, { name: 'Waiting shapes outcomes', area, storyIds: ids }, { kind: 'local' })
      if (!r.ok) throw new Error(r.error.message)
      return r.value.id
    })
    await expect.poll(() => pia.board.api((lw) => lw.snapshot().patterns.length), SYNC).toBe(1)

    await hook(fay.page, 'session-next').click()
    for (const p of everyone) await expect.poll(() => phaseOf(p.page), SYNC).toBe('vote')
    await hook(fay.page, 'vote-setup').click()
    await hook(fay.page, 'vote-per-person').fill('3')
    await hook(fay.page, 'vote-open').click()
    for (const p of [pia, pete]) {
      await expect.poll(() => hook(p.page, 'vote-bar').getAttribute('data-phase'), SYNC).toBe('open')
      await p.board.showOutline()
      await p.page.locator(`[data-testid=outline] [data-testid=vote-add][data-pattern-id="${patternId}"]`).click()
      await expect.poll(() => hook(p.page, 'votes-left').getAttribute('data-remaining'), SYNC).toBe('2')
      await p.board.showCanvas()
    }
    await hook(fay.page, 'vote-close').click()
    for (const p of everyone) await expect.poll(() => hook(p.page, 'vote-result').innerText(), SYNC).toContain('2 votes from 2 people')
  }, STEP)

  it('So what? and Now what?: every phase in turn, each with its prompt and a fresh timer', async () => {
    for (const phase of TEMPLATE.phases.slice(3)) {
      await hook(fay.page, 'session-next').click()
      for (const p of everyone) {
        await expect.poll(() => phaseOf(p.page), SYNC).toBe(phase.id)
        expect(await hook(p.page, 'session-prompt').innerText()).toContain(phase.prompt)
        expect(await leftMs(p.page)).toBe(phase.minutes * 60_000)
      }
    }
    expect(await hook(fay.page, 'session-next').isDisabled()).toBe(true)
  }, STEP)

  it('Fay locks a story, then the board: participants cannot edit, and a forced socket write is refused', async () => {
    const [target] = await fay.board.stories()
    // Bring it to the middle of Fay's screen, as she would by panning, and click it.
    await fay.page.evaluate((id) => {
      const lw = window.__learningWall!
      const s = lw.snapshot().stories.find((x) => x.id === id)!
      const { viewport } = lw.ui()
      lw.session.ui.setState({ camera: { x: viewport.w / 2 - (s.pos.x + s.size.w / 2), y: viewport.h / 2 - (s.pos.y + s.size.h / 2), zoom: 1 } })
    }, target!.id)
    const at = await fay.board.storyOnScreen(target!.id)
    await fay.page.mouse.click(at.x, at.y)
    await hook(fay.page, 'lock-selection').click()
    for (const p of everyone) await p.page.locator(`[data-testid=lock-mark][data-item-id="${target!.id}"]`).waitFor()
    await expect.poll(() => hook(pete.page, 'locked-items').getAttribute('data-count'), SYNC).toBe('1')

    await hook(fay.page, 'lock-board').click()
    for (const p of [pia, pete]) {
      await hook(p.page, 'lock-badge').waitFor()
      await hook(p.page, 'board-locked-frame').waitFor()
      await p.page.getByTestId('view-toolbar').waitFor()
    }
    const before = (await fay.board.stories()).length
    await pia.board.canvas.focus()
    await pia.page.keyboard.press('n')
    expect(await pia.board.api((lw) => lw.ui().editingId)).toBeNull()
    // Typing on, as if writing: the letters are not board shortcuts (o would open the outline,
    // p the pattern tool, i the details panel, h the hand).
    await pia.page.keyboard.type('hope i go')
    expect(await pia.board.api((lw) => ({ view: lw.ui().view, tool: lw.ui().tool, panelOpen: lw.ui().panelOpen }))).toEqual({ view: 'canvas', tool: 'select', panelOpen: false })
    expect(await pia.board.api((lw) => lw.ui().notice)).toMatch(/locked the board/)

    // Forced: a raw socket with Pia's own session sends a real new story.
    const session = (await pia.context.cookies()).find((c) => c.name === 'lw_session')!.value
    const ws = new WebSocket(`${e2e.baseUrl.replace('http', 'ws')}/sync/${boardId}?token=${session}`)
    await new Promise((r) => ws.once('open', r))
    const doc = new Y.Doc()
    doc.getMap('stories').set('forcedwhilelocked', new Y.Map())
    const e = encoding.createEncoder()
    encoding.writeVarUint(e, 0)
    encoding.writeVarUint(e, 2)
    encoding.writeVarUint8Array(e, Y.encodeStateAsUpdate(doc))
    ws.send(encoding.toUint8Array(e))
    // A later edit by Fay (facilitators still edit a locked board) proves the server handled the
    // forced frame before it. She writes it beside the pattern, not on top of the locked story.
    await fay.page.evaluate(() => {
      const lw = window.__learningWall!
      const { area } = lw.snapshot().patterns[0]!
      const { viewport } = lw.ui()
      lw.session.ui.setState({ camera: { x: viewport.w / 2 - (area.x + area.w + 260), y: viewport.h / 2 - (area.y + 200), zoom: 1 } })
    })
    await fay.board.newStory()
    await fay.board.type('Facilitator note while locked')
    await fay.board.stopWriting()
    await expect.poll(() => boardTexts(pete), SYNC).toContain('Facilitator note while locked')
    for (const p of everyone) expect(await p.board.api((lw) => lw.doc.getMap('stories').has('forcedwhilelocked'))).toBe(false)
    expect((await fay.board.stories()).length).toBe(before + 1)
    ws.close()

    // Pete sees the whole board, the locked story's mark and the locked frame.
    await pete.page.getByRole('button', { name: 'Zoom to fit (Shift+1)' }).click()
    await pete.page.locator(`[data-testid=lock-mark][data-item-id="${target!.id}"]`).waitFor()
    await pete.page.screenshot({ path: join(ARTIFACTS, 'facilitation.png') })
  }, STEP)
  it('End session asks in the page (no browser confirm box); Cancel keeps it, End session ends it for everyone', async () => {
    let browserBoxes = 0
    fay.page.on('dialog', (d) => {
      browserBoxes++
      void d.dismiss()
    })
    await hook(fay.page, 'session-end').click()
    const ask = fay.page.getByRole('group', { name: 'Confirm ending the session' })
    expect(await ask.innerText()).toContain('End the session? Private stories are revealed and locks are lifted.')
    await ask.getByRole('button', { name: 'Cancel' }).click()
    expect(await phaseOf(pete.page)).not.toBeNull()
    await hook(fay.page, 'session-end').click()
    await hook(fay.page, 'session-end-confirm').click()
    for (const p of everyone) await expect.poll(() => hook(p.page, 'session-bar').count(), SYNC).toBe(0)
    expect(browserBoxes).toBe(0)
  }, STEP)
})
