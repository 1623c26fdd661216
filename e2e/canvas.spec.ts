// The canvas, as two people use it at once: one writes a story with a bold word, the other sees
// it in the outline view and sees the first one's pointer; both type into one story at once;
// undo takes back only one's own typing; a reload keeps everything; an offline spell loses
// nothing. Then a screenshot of a board with 30 stories (e2e/artifacts/board-30.png).
//
// The steps of the first describe build on each other, as one session does.
import { mkdirSync } from 'node:fs'
import { join } from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import { MOD } from './pages/BoardPage.ts'
import { type Person, useE2E } from './support/fixture.ts'
import { ARTIFACTS } from './support/paths.ts'
import { seedStories, storyGrid } from './support/seed.ts'

const e2e = useE2E()
/** Waiting for the other side: generous on a shared two-core machine; no timing is asserted. */
const SYNC = { timeout: 10_000, interval: 50 }
const STEP = 120_000

const STORY = 'Families found the drop-in'

describe('two people on one board', () => {
  let ann: Person
  let bob: Person
  let boardId: string
  let storyId: string

  beforeAll(async () => {
    ;[ann, bob] = await Promise.all([e2e.person('Ann Facilitator'), e2e.person('Bob Contributor')])
  })

  it(
    'the owner creates a board from home and adds a contributor',
    async () => {
      await ann.home.goto()
      boardId = await ann.home.createBoard('Money advice in Westbury')
      await e2e.addMember(ann, boardId, bob, 'contributor')
      await ann.board.ready()
      await bob.board.open(boardId)
      expect(await bob.page.getByTestId('board-title').innerText()).toBe('Money advice in Westbury')
    },
    STEP,
  )

  it(
    'a story typed with N and a bold word reaches the other person’s outline view',
    async () => {
      await bob.board.showOutline()
      storyId = await ann.board.newStory()
      await ann.board.type(STORY)
      await ann.board.boldPreviousWord('drop-in')
      const typed = Date.now()
      await expect.poll(() => bob.board.outlineText(storyId), SYNC).toBe(STORY)
      console.log(
        `[canvas] typed → visible in the other outline view: ${Date.now() - typed} ms (target ≤ 1000 ms, not asserted)`,
      )
      // The bold word arrives as structure, not just text.
      await expect
        .poll(() => bob.board.storyXml(storyId), SYNC)
        .toBe('<paragraph>Families found the <bold>drop-in</bold></paragraph>')
      expect(await ann.board.storyXml(storyId)).toBe(await bob.board.storyXml(storyId))
    },
    STEP,
  )

  it(
    'the other person sees my pointer on the canvas and my avatar',
    async () => {
      await bob.board.showCanvas()
      const story = (await ann.board.story(storyId))!
      const at = { x: story.pos.x - 30, y: story.pos.y - 40 }
      await ann.board.pointAt(at)
      const annsPointer = async () =>
        (await bob.board.peers()).find((p) => p.name === ann.name)?.pointer ?? null
      await expect.poll(annsPointer, SYNC).toEqual(at)
      expect(await bob.board.avatarNames()).toContain(ann.name)
      // Drawn on Bob's canvas: the cursor's name label is a Konva text node.
      await expect.poll(() => bob.board.canvasTexts(), SYNC).toContain(ann.name)
    },
    STEP,
  )

  it(
    'both type into the same story at once and end with the same merged text',
    async () => {
      await bob.board.editStory(storyId)
      await bob.board.caretToStart()
      // Ann's caret is still at the end of her story; she comes back to it after a pause.
      await ann.board.pause()
      await Promise.all([ann.board.type(' ALPHA'), bob.board.type('BRAVO ')])
      const expected = `BRAVO ${STORY} ALPHA`
      await expect.poll(() => ann.board.storyText(storyId), SYNC).toBe(expected)
      await expect.poll(() => bob.board.storyText(storyId), SYNC).toBe(expected)
      await expect
        .poll(() => bob.board.storyXml(storyId), SYNC)
        .toBe(await ann.board.storyXml(storyId))
    },
    STEP,
  )

  it(
    'undo in one context removes only that person’s own change',
    async () => {
      const textIs = (board: typeof ann.board, text: string) => async () =>
        (await board.storyText(storyId)) === text
      await ann.board.undoUntil(textIs(ann.board, `BRAVO ${STORY}`))
      await expect.poll(() => bob.board.storyText(storyId), SYNC).toBe(`BRAVO ${STORY}`)
      await bob.board.undoUntil(textIs(bob.board, STORY))
      await expect.poll(() => ann.board.storyText(storyId), SYNC).toBe(STORY)
      // Neither undo touched the other's formatting.
      expect(await ann.board.storyXml(storyId)).toBe(
        '<paragraph>Families found the <bold>drop-in</bold></paragraph>',
      )
    },
    STEP,
  )

  it(
    'my caret stays after my own words while someone types earlier in the same paragraph',
    async () => {
      // Both are still writing in the story. Ann's caret at the end, Bob's at the start.
      const base = (await ann.board.storyText(storyId))!
      await ann.page.keyboard.press(`${MOD}+End`)
      await bob.board.caretToStart()
      await bob.board.type('XY ')
      await expect.poll(() => ann.board.storyText(storyId), SYNC).toBe(`XY ${base}`)
      await ann.board.type('!')
      await expect.poll(() => ann.board.storyText(storyId), SYNC).not.toBe(`XY ${base}`)
      const text = await ann.board.storyText(storyId)
      // Put the story back for the next steps whatever happened: each undoes their own typing.
      await ann.board.undoUntil(async () => !(await ann.board.storyText(storyId))!.includes('!'))
      await bob.board.undoUntil(async () => !(await bob.board.storyText(storyId))!.includes('XY'))
      await expect.poll(() => ann.board.storyText(storyId), SYNC).toBe(base)
      await expect.poll(() => bob.board.storyText(storyId), SYNC).toBe(base)
      expect(text).toBe(`XY ${base}!`)
    },
    STEP,
  )

  it(
    'a reload keeps everything',
    async () => {
      await ann.board.stopWriting()
      await bob.board.stopWriting()
      const [before, xml] = await Promise.all([ann.board.stories(), ann.board.storyXml(storyId)])
      await ann.page.reload()
      await ann.board.ready()
      expect(await ann.board.stories()).toEqual(before)
      expect(await ann.board.storyXml(storyId)).toBe(xml)
      await ann.board.showOutline()
      expect(await ann.board.outlineText(storyId)).toBe(before.find((s) => s.id === storyId)?.text)
      await ann.board.showCanvas()
    },
    STEP,
  )

  it(
    'one person goes offline, edits, comes back, and nothing is lost on either side',
    async () => {
      const base = (await ann.board.storyText(storyId))!
      await bob.context.setOffline(true)
      await expect.poll(() => bob.board.connectionStatus(), SYNC).toBe('offline')
      // Bob, offline: adds to the story and writes a new one. Ann, online: adds to the same story.
      await bob.board.editStory(storyId)
      await bob.board.type(' (Bob, offline)')
      await bob.board.stopWriting()
      const bobsStory = await bob.board.newStory()
      await bob.board.type('Written on the train')
      await bob.board.stopWriting()
      await ann.board.editStory(storyId)
      await ann.board.caretToStart()
      await ann.board.type('Update: ')
      await ann.board.stopWriting()
      // While Bob is offline, neither side has the other's edits.
      expect(await ann.board.story(bobsStory)).toBeUndefined()
      expect(await bob.board.storyText(storyId)).toBe(`${base} (Bob, offline)`)

      await bob.context.setOffline(false)
      const expected = `Update: ${base} (Bob, offline)`
      await expect.poll(() => ann.board.storyText(storyId), SYNC).toBe(expected)
      await expect.poll(() => bob.board.storyText(storyId), SYNC).toBe(expected)
      await expect.poll(() => ann.board.storyText(bobsStory), SYNC).toBe('Written on the train')
      const [a, b] = await Promise.all([ann.board.stories(), bob.board.stories()])
      expect(b).toEqual(a)
      // And the server has it all: a fresh load in a new tab shows the merged board.
      const tab = await ann.newTab()
      await tab.board.open(boardId)
      expect(await tab.board.stories()).toEqual(a)
      await tab.page.close()
    },
    STEP,
  )

  it(
    'after coming back online the badge says Connected again',
    async () => {
      // Known client bug (see the e2e report): when the socket survives a short offline spell the
      // badge stays on "Reconnecting…" because no new provider `status` event ever arrives.
      await expect.poll(() => bob.board.connectionStatus(), SYNC).toBe('connected')
    },
    STEP,
  )
})

describe('a board with about 30 stories', () => {
  it(
    'draws them (screenshot in e2e/artifacts/board-30.png)',
    async () => {
      const cat = await e2e.person('Cat Owner')
      const boardId = await cat.api.createBoard('Thirty stories', 'team')
      const ids = await seedStories(
        e2e.baseUrl,
        cat.api.token!,
        boardId,
        storyGrid(30, { columns: 6 }),
      )
      await cat.board.open(boardId)
      expect((await cat.board.stories()).map((s) => s.id).sort()).toEqual([...ids].sort())
      await cat.board.canvas.focus()
      await cat.page.keyboard.press('Shift+Digit1') // zoom to fit
      await cat.page.waitForFunction(() => window.__learningWall!.ui().camera.zoom !== 1)
      // Two animation frames after the camera settled: Konva has drawn the layers.
      await cat.page.evaluate(
        () => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))),
      )
      mkdirSync(ARTIFACTS, { recursive: true })
      await cat.page.screenshot({ path: join(ARTIFACTS, 'board-30.png') })
      await cat.board.showOutline()
      await expect
        .poll(() => cat.page.locator('li[data-testid=outline-story]').count(), SYNC)
        .toBe(30)
    },
    STEP,
  )
})
