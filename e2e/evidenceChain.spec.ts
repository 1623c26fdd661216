// The evidence chain across scales in one browser (two people, one server): Tess keeps two
// practitioners' person-scale boards and the team board; Omar owns the organisation board, where
// Tess is a contributor (raising needs a role on both ends). Each practitioner raises a pattern to
// the team; the team makes both cards evidence in its own pattern beside a story of its own and
// raises it; the organisation sees the measures summed on its card, follows "Where this came from"
// down to the practitioners (counts only where it has no role, practitioners' titles hidden),
// answers, and both practitioners' boards show the answer from two levels up; the organisation's
// concise report names the ask and the answer. Screenshots: artifacts/chain-*.png.
import { join } from 'node:path'
import type { Page } from 'playwright-core'
import { beforeAll, describe, expect, it } from 'vitest'
import { createPattern } from '../shared/ops/pattern.ts'
import { type Person, useE2E } from './support/fixture.ts'
import { ARTIFACTS } from './support/paths.ts'
import { addStory, writeBoard } from './support/seed.ts'

const e2e = useE2E()
const SYNC = { timeout: 15_000, interval: 50 }
const STEP = 120_000
const consent = (givenBy: string) => ({ givenBy, covers: ['board', 'linkedBoards', 'quotes'] as Array<'board' | 'linkedBoards' | 'quotes'>, date: '2026-11-20' })
const ANSWER = 'Legal review now takes two weeks'

describe('the evidence chain across scales', () => {
  let tess: Person
  let omar: Person
  const b = { ann: '', bea: '', team: '', org: '' }
  let teamPattern = ''
  const patterns: Record<'ann' | 'bea', string> = { ann: '', bea: '' }
  const cards: Record<'ann' | 'bea' | 'org', string> = { ann: '', bea: '', org: '' }

  /** One pattern of the given stories on a board, written from Node with the stock client. */
  const seedPattern = (board: string, name: string, stories: Parameters<typeof addStory>[1][]) =>
    writeBoard(e2e.baseUrl, tess.api.token!, board, (doc) => {
      const ids = stories.map((s) => addStory(doc, s))
      const made = createPattern(doc, { name, area: { x: -20, y: -60, w: 900, h: 400 }, storyIds: ids }, { kind: 'local' })
      if (!made.ok) throw new Error(made.error.message)
      return made.value.id
    })
  const raise = async (who: Person, board: string, pattern: string, target: string) => {
    const res = await who.api.request<{ condition: { id: string } }>('POST', `/api/boards/${board}/patterns/${pattern}/raise`, { targetBoardId: target, kind: 'barrier' })
    expect(res.status).toBe(201)
    return res.body.condition.id
  }
  const openCard = (page: Page, id: string) =>
    page.evaluate((cid) => window.__learningWall!.session.cycles.ui.setState({ panel: 'condition', conditionId: cid }), id)

  beforeAll(async () => {
    ;[tess, omar] = await Promise.all([e2e.person('Tess Team'), e2e.person('Omar Organisation')])
    b.ann = await tess.api.createBoard('Ann Practitioner', 'person')
    b.bea = await tess.api.createBoard('Bea Practitioner', 'person')
    b.team = await tess.api.createBoard('Housing team', 'team')
    b.org = await omar.api.createBoard('County council', 'organisation')
    await e2e.addMember(omar, b.org, tess, 'contributor')
    for (const lower of [b.ann, b.bea]) expect((await tess.api.request('POST', `/api/boards/${lower}/links`, { otherBoardId: b.team, kind: 'vertical' })).status).toBe(201)
    const up = await tess.api.request<{ link: { id: string } }>('POST', `/api/boards/${b.team}/links`, { otherBoardId: b.org, kind: 'vertical' })
    expect(up.status).toBe(201)
    expect((await omar.api.request('POST', `/api/boards/${b.org}/links/${up.body.link.id}/accept`)).status).toBe(200)
    patterns.ann = await seedPattern(b.ann, 'Families wait on legal review', [
      { pos: { x: 0, y: 0 }, text: 'Twelve families I support are waiting on legal review', fields: { tellerRole: 'support worker', consent: consent('Practitioner A'), measures: [{ name: 'People seen', value: 12, unit: 'people' }] } },
      { pos: { x: 320, y: 0 }, text: 'One family was housed within a week', fields: { consent: consent('Practitioner A') } },
    ])
    patterns.bea = await seedPattern(b.bea, 'Stuck in review', [
      { pos: { x: 0, y: 0 }, text: 'Eleven more people stuck in review this month', fields: { consent: consent('Practitioner B'), measures: [{ name: 'People seen', value: 11, unit: 'people' }] } },
    ])
    teamPattern = await seedPattern(b.team, 'Legal review holds families', [
      { pos: { x: 0, y: 0 }, text: 'Five months in legal review, on average', fields: { consent: consent('Team lead'), measures: [{ name: 'Legal review', value: 5, unit: 'months' }] } },
    ])
    cards.ann = await raise(tess, b.ann, patterns.ann, b.team)
    cards.bea = await raise(tess, b.bea, patterns.bea, b.team)
  }, STEP)

  it('[CY20] the team makes both practitioners’ cards evidence in its own pattern, beside its own story', async () => {
    await tess.board.open(b.team)
    for (const id of [cards.ann, cards.bea]) {
      await openCard(tess.page, id)
      const panel = tess.page.getByTestId('condition-panel')
      await expect.poll(() => panel.getAttribute('data-condition-id'), SYNC).toBe(id)
      await panel.getByTestId('card-evidence-pattern').selectOption({ label: 'Legal review holds families' })
      await expect.poll(() => panel.getByTestId('card-evidence-role').isDisabled(), SYNC).toBe(false)
    }
    // By reference: the pattern holds the cards' ids, and they sit inside its area on the canvas.
    const held = await tess.board.api((lw) => {
      const members = lw.doc.getMap('members').toJSON() as Record<string, { pattern: string }>
      return Object.entries(members).map(([id, m]) => `${id}:${m.pattern}`)
    })
    expect(held).toEqual(expect.arrayContaining([`${cards.ann}:${teamPattern}`, `${cards.bea}:${teamPattern}`]))
    expect(await tess.board.api((lw) => Object.keys(lw.doc.getMap('placements').toJSON()).length)).toBe(2)
    await tess.page.getByRole('button', { name: 'Close the condition panel' }).click()

    // [CY21] Dragged on the canvas like a story: out of the pattern it leaves it, back in it joins.
    const area = await tess.board.api((lw) => lw.snapshot().patterns[0]!.area)
    await tess.page.evaluate((a) => window.__learningWall!.session.ui.setState({ camera: { x: -a.x + 60, y: -a.y + 80, zoom: 0.5 } }), area)
    const placed = () => tess.board.api((lw) => lw.doc.getMap('placements').toJSON() as Record<string, { pos: { x: number; y: number } }>)
    const memberOf = (id: string) =>
      tess.page.evaluate((cid) => (window.__learningWall!.doc.getMap('members').get(cid) as { pattern?: string } | undefined)?.pattern ?? null, id)
    const drag = async (from: { x: number; y: number }, to: { x: number; y: number }) => {
      const [a, b] = [await tess.board.toScreen(from), await tess.board.toScreen(to)]
      await tess.page.mouse.move(a.x, a.y)
      await tess.page.mouse.down()
      await tess.page.mouse.move(b.x, b.y, { steps: 8 })
      await tess.page.mouse.up()
    }
    const start = (await placed())[cards.bea]!.pos
    const grip = { x: start.x + 20, y: start.y + 12 }
    const outside = { x: area.x + area.w + 80, y: start.y + 12 }
    await drag(grip, outside)
    await expect.poll(() => memberOf(cards.bea), SYNC).toBe(null)
    expect((await placed())[cards.bea]!.pos.x).toBeGreaterThan(area.x + area.w)
    await drag(outside, grip)
    await expect.poll(() => memberOf(cards.bea), SYNC).toBe(teamPattern)
    await tess.page.getByRole('button', { name: 'Fit' }).click()
    await tess.page.screenshot({ path: join(ARTIFACTS, 'chain-team.png') })
  }, STEP)

  it('[CY22][CY23] the organisation’s card carries the whole chain: counts, summed measures, quotes with tellers', async () => {
    cards.org = await raise(tess, b.team, teamPattern, b.org)
    await omar.board.open(b.org)
    // Counted once the team's memberships reached the server (the card follows its pattern live).
    await expect.poll(() => omar.board.api((lw) => lw.session.cycles.data.getState().conditions[0]?.evidence.stories ?? 0), SYNC).toBe(4)
    const evidence = await omar.board.api((lw) => lw.session.cycles.data.getState().conditions[0]!.evidence)
    expect(evidence).toMatchObject({ stories: 4, supports: 4, counterExamples: 0, fromBelow: 3 })
    await openCard(omar.page, cards.org)
    const panel = omar.page.getByTestId('condition-panel')
    await expect.poll(() => panel.getByTestId('condition-quotes-measures').innerText(), SYNC).toContain('People seen 23 people (2 stories)')
    expect(await panel.getByTestId('condition-quotes-measures').innerText()).toContain('Legal review 5 months (1 story)')
    const quotes = await panel.getByTestId('condition-quotes').innerText()
    expect(quotes).toContain('Twelve families I support are waiting on legal review” — Practitioner A, person cycle, two levels down')
    // No story's words in the organisation's document.
    expect(await omar.board.api((lw) => JSON.stringify(lw.doc.toJSON()))).not.toContain('Twelve families')
  }, STEP)

  it('[CY26] the organisation follows where it came from, as far as its roles allow', async () => {
    const panel = omar.page.getByTestId('condition-panel')
    await panel.getByTestId('where-from-toggle').click()
    const chain = panel.getByTestId('where-from')
    await expect.poll(() => chain.getByTestId('chain-node').count(), SYNC).toBe(3)
    const nodes = chain.getByTestId('chain-node')
    // The team: no role there, so counts and what was carried; its title is shown.
    expect(await nodes.nth(0).getAttribute('data-access')).toBe('false')
    expect(await nodes.nth(0).innerText()).toContain('Housing team')
    // The practitioners: person-scale titles stay hidden.
    const text = await chain.innerText()
    expect(text).not.toContain('Ann Practitioner')
    expect(text).toContain('A person cycle (title hidden)')
    expect(text).toContain('One family was housed within a week')
    await omar.page.screenshot({ path: join(ARTIFACTS, 'chain-organisation.png') })
    await chain.scrollIntoViewIfNeeded()
    await panel.screenshot({ path: join(ARTIFACTS, 'chain-where-from.png') })
  }, STEP)

  it('[CY25] the organisation answers; both practitioners’ boards show it, from two levels up', async () => {
    const panel = omar.page.getByTestId('condition-panel')
    await panel.getByTestId('response-input').fill(ANSWER)
    await panel.getByTestId('response-submit').click()
    await panel.locator('[data-testid=set-status][data-status=resolved]').click()
    await expect.poll(() => panel.getByTestId('condition-status').innerText(), SYNC).toBe('Resolved')
    for (const board of [b.ann, b.bea]) {
      await tess.board.open(board)
      await tess.board.showOutline()
      const further = tess.page.locator('[data-testid=outline] [data-testid=raised-further]')
      await expect.poll(() => further.getAttribute('data-status'), SYNC).toBe('resolved')
      expect(await further.getByTestId('raised-further-from').innerText()).toContain('Resolved by County council (Organisation), two levels up')
      expect(await further.getByTestId('raised-further-response').innerText()).toContain(ANSWER)
    }
    await tess.page.screenshot({ path: join(ARTIFACTS, 'chain-practitioner.png') })
  }, STEP)

  it('[CY30] the organisation’s concise report names the ask, the evidence carried and the answer', async () => {
    const md = await omar.page.evaluate((id) => fetch(`/api/boards/${id}/export/report.md?audience=concise`).then((r) => r.text()), b.org)
    expect(md).toContain('raised to this board from below, carrying the evidence of 4 stories')
    expect(md).toContain('Barrier: Legal review holds families (from Housing team, team): Resolved')
    expect(md).toContain('measures: Legal review 5 months (1 story), People seen 23 people (2 stories)')
    expect(md).toContain(ANSWER)
    // The technical report prints the whole chain below the card as one (counts and what was carried).
    const technical = await omar.page.evaluate((id) => fetch(`/api/boards/${id}/export/report.md?audience=technical`).then((r) => r.text()), b.org)
    expect(technical).toContain('Chain below barrier “Legal review holds families” on this board:')
    expect(technical).toContain('↳ Housing team (Team): barrier resolved, 4 stories')
    expect(technical).toContain('↳ ↳ A person cycle (title hidden) (Person): barrier raised, 2 stories')
  }, STEP)

  it('[CY27] the organisation’s map shows the whole chain: scales always, person titles hidden, answered counts', async () => {
    const { page } = await omar.newTab()
    await page.goto(`${e2e.baseUrl}/map`)
    const nodes = page.locator('[data-testid=map-cycle]')
    await expect.poll(() => nodes.count(), SYNC).toBe(4)
    const shape = await nodes.evaluateAll((els) => els.map((e) => `${e.getAttribute('data-scale')}:${e.getAttribute('data-member')}`).sort())
    expect(shape).toEqual(['organisation:true', 'person:false', 'person:false', 'team:false'])
    const text = await page.getByTestId('map-table').innerText()
    expect(text).toContain('Housing team')
    expect(text).not.toContain('Ann Practitioner')
    expect(text).toContain('A person’s cycle (title hidden)')
    expect(await page.locator(`[data-testid=map-row][data-board-id="${b.org}"] [data-testid=map-row-answered]`).innerText()).toMatch(/^1 \/ 0/)
    expect(await page.locator('[data-testid=map-link]').count()).toBe(3)
    await page.screenshot({ path: join(ARTIFACTS, 'chain-map.png'), fullPage: true })
    await page.close()
  }, STEP)
})
