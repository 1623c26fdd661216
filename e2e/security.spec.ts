// Script payloads stay text. A contributor (Mallory) puts markup and `javascript:` links into
// rich text, story fields (tags, teller role, experiment), a pattern name, a board title and
// her display name, both through the app (typing, pasting, the link prompt, the details panel)
// and as a hostile client writing the document directly (elements and link marks the editor
// would never make). The owner (Ann) opens all of it on the canvas, in the editor, in the panel,
// in the outline view and on her home page: `window.__pwned` stays undefined, no element carries
// an event-handler attribute, and no link has a `javascript:` (or any non-web) address.
//
// Both contexts bypass the server's CSP (script-src 'self'), so this tests the client's own
// rendering: with the CSP in place an inline handler could not run even if it were rendered.
import * as Y from 'yjs'
import { beforeAll, describe, expect, it } from 'vitest'
import { storiesMap } from '../shared/model/layout.ts'
import { STORY_KEYS } from '../shared/model/story.ts'
import { createPattern } from '../shared/ops/pattern.ts'
import { MOD } from './pages/BoardPage.ts'
import { type Person, useE2E } from './support/fixture.ts'
import { addStory, writeBoard } from './support/seed.ts'

const e2e = useE2E({ bypassCSP: true })
const STEP = 120_000
const SYNC = { timeout: 10_000, interval: 50 }

const IMG = '<img src=x onerror=window.__pwned=1>'
const SCRIPT = '<script>window.__pwned=1</script>'
const JS_LINKS = [
  'javascript:window.__pwned=1',
  ' JaVaScRiPt:window.__pwned=1',
  'java\tscript:window.__pwned=1',
  'data:text/html,<script>parent.__pwned=1</script>',
]

type Findings = {
  pwned: unknown
  handlers: string[]
  scripts: string[]
  badLinks: string[]
  images: string[]
}

/** Everything in the page that could run script or navigate to one. */
function inspect(page: Person['page']): Promise<Findings> {
  return page.evaluate(() => {
    const all = [...document.querySelectorAll('*')]
    return {
      pwned: (window as unknown as { __pwned?: unknown }).__pwned,
      handlers: all.flatMap((el) =>
        [...el.attributes]
          .filter((a) => /^on/i.test(a.name))
          .map((a) => `<${el.tagName.toLowerCase()} ${a.name}="${a.value}">`),
      ),
      // The app's own bundle is the one module script from /assets/.
      scripts: [...document.scripts]
        .filter(
          (s) =>
            !(
              s.type === 'module' &&
              new URL(s.src || 'x:', location.href).pathname.startsWith('/assets/')
            ),
        )
        .map((s) => s.outerHTML.slice(0, 120)),
      badLinks: [...document.querySelectorAll('a[href], area[href]')]
        .filter((a) => !['http:', 'https:', 'mailto:'].includes((a as HTMLAnchorElement).protocol))
        .map((a) => a.outerHTML.slice(0, 160)),
      images: [...document.images].map((i) => i.outerHTML.slice(0, 120)),
    }
  })
}

async function findProblems(page: Person['page']): Promise<string[]> {
  const f = await inspect(page)
  return [
    ...(f.pwned === undefined ? [] : [`window.__pwned = ${JSON.stringify(f.pwned)}`]),
    ...f.handlers.map((h) => `event-handler attribute: ${h}`),
    ...f.scripts.map((h) => `script element: ${h}`),
    ...f.badLinks.map((h) => `non-web link: ${JSON.stringify(h)}`),
    ...f.images.map((h) => `image: ${h}`),
  ]
}

async function expectInert(page: Person['page'], where: string): Promise<void> {
  const problems = await findProblems(page)
  expect(problems, `${where}:\n  ${problems.join('\n  ')}`).toEqual([])
}

describe('script payloads render inert', () => {
  let ann: Person
  let mallory: Person
  let boardId: string
  let hostile: { textStory: string; linkStory: string; elementStory: string; fieldStory: string }
  let typedStory: string

  beforeAll(async () => {
    ;[ann, mallory] = await Promise.all([e2e.person('Ann Owner'), e2e.person(IMG)])
    boardId = await ann.api.createBoard('Security board')
    await e2e.addMember(ann, boardId, mallory, 'contributor')
  }, STEP)

  it(
    'a hostile client writes markup, link marks and elements into the document',
    async () => {
      hostile = await writeBoard(e2e.baseUrl, mallory.api.token!, boardId, (doc) => {
        let ids = { textStory: '', linkStory: '', elementStory: '', fieldStory: '' }
        doc.transact(() => {
          const textStory = addStory(doc, {
            pos: { x: 0, y: 0 },
            text: [[{ text: IMG }], [{ text: SCRIPT, marks: ['bold'] }]],
          })
          const linkStory = addStory(doc, { pos: { x: 240, y: 0 }, text: '' })
          const p = new Y.XmlElement('paragraph')
          const t = new Y.XmlText()
          let at = 0
          for (const href of JS_LINKS) {
            const label = `link ${at} `
            t.insert(at, label, { link: { href, target: '_blank', rel: null, class: null } })
            at += label.length
          }
          p.insert(0, [t])
          ;(storiesMap(doc).get(linkStory)!.get(STORY_KEYS.text) as Y.XmlFragment).insert(0, [p])
          // Elements no editor of ours makes: an image with a handler, a script, a raw HTML node.
          const elementStory = addStory(doc, { pos: { x: 480, y: 0 }, text: 'Elements below' })
          const img = new Y.XmlElement('image')
          img.setAttribute('src', 'x')
          img.setAttribute('onerror', 'window.__pwned=1')
          const script = new Y.XmlElement('script')
          script.insert(0, [new Y.XmlText('window.__pwned=1')])
          const para = new Y.XmlElement('paragraph')
          para.setAttribute('onclick', 'window.__pwned=1')
          para.insert(0, [new Y.XmlText('a paragraph with an onclick attribute')])
          ;(storiesMap(doc).get(elementStory)!.get(STORY_KEYS.text) as Y.XmlFragment).insert(1, [
            img,
            script,
            para,
          ])
          const fieldStory = addStory(doc, {
            pos: { x: 720, y: 0 },
            text: 'Fields with markup',
            fields: {
              tags: [IMG, 'javascript:window.__pwned=1'],
              tellerRole: SCRIPT,
              experiment: 'javascript:window.__pwned=1',
            },
          })
          const pattern = createPattern(
            doc,
            { name: `${IMG} pattern`, area: { x: -40, y: 300, w: 600, h: 300 }, storyIds: [] },
            { kind: 'local' },
          )
          if (!pattern.ok) throw new Error(pattern.error.message)
          ids = { textStory, linkStory, elementStory, fieldStory }
        })
        return ids
      })
    },
    STEP,
  )

  it(
    'Mallory types, pastes and links payloads through the app',
    async () => {
      await mallory.board.open(boardId)
      typedStory = await mallory.board.newStory()
      await mallory.board.type(`${SCRIPT} typed `)
      // Pasted HTML with a javascript: link and an image with a handler.
      await mallory.page.evaluate((html) => {
        const data = new DataTransfer()
        data.setData('text/html', html)
        data.setData('text/plain', 'pasted')
        document.activeElement?.dispatchEvent(
          new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }),
        )
      }, `<p>pasted <a href="javascript:window.__pwned=1">click me</a><img src=x onerror="window.__pwned=1"><script>window.__pwned=1</script></p>`)
      // ⌘/Ctrl+K on the last word, answering the prompt with a javascript: address.
      mallory.page.once('dialog', (d) => void d.accept('javascript:window.__pwned=1'))
      for (let i = 0; i < 'typed '.length; i++) await mallory.page.keyboard.press('Shift+ArrowLeft')
      await mallory.page.keyboard.press(`${MOD}+k`)
      await mallory.board.stopWriting()
      // The details panel: experiment, teller role and tags, typed as a person would.
      await mallory.board.api((lw) => lw.session.ui.setState({ panelOpen: true }))
      const panel = mallory.page.getByTestId('story-panel')
      await panel.getByLabel('Experiment').fill('javascript:window.__pwned=1')
      await panel.getByLabel('Teller role').fill(SCRIPT)
      await panel.getByLabel(/^Tags/).fill(`${IMG}, safe`)
      await panel.getByLabel('Experiment').focus() // leaving Tags saves it
      await expect
        .poll(async () => (await mallory.board.story(typedStory))?.tags, SYNC)
        .toEqual([IMG, 'safe'])
      const story = await mallory.board.story(typedStory)
      expect(story?.tellerRole).toBe(SCRIPT)
      expect(story?.text).toContain(SCRIPT)
      // Typed and pasted markup is text; the pasted link and image did not become structure.
      const xml = await mallory.board.storyXml(typedStory)
      expect(xml).toContain('pasted click me')
      expect(xml).not.toMatch(/<link\b|<image\b|<img\b/)
      // Her pointer on the canvas carries her name to Ann's canvas.
      await mallory.board.pointAt({ x: 100, y: 100 })
      await expectInert(mallory.page, 'Mallory’s own board page')
    },
    STEP,
  )

  it(
    'the owner’s canvas, with Mallory’s avatar and pointer, stays inert',
    async () => {
      await ann.board.open(boardId)
      await expect.poll(async () => (await ann.board.stories()).length, SYNC).toBe(5)
      await expect.poll(() => ann.board.avatarNames(), SYNC).toContain(IMG)
      await expect.poll(() => ann.board.canvasTexts(), SYNC).toContain(IMG)
      await expectInert(ann.page, 'owner’s canvas')
    },
    STEP,
  )

  it(
    'opening each story in the editor renders no script and no javascript: link',
    async () => {
      const problems: string[] = []
      for (const id of [
        hostile.textStory,
        hostile.linkStory,
        hostile.elementStory,
        hostile.fieldStory,
        typedStory,
      ]) {
        await ann.page.evaluate((storyId) => {
          const lw = window.__learningWall!
          const s = lw.snapshot().stories.find((x) => x.id === storyId)!
          const { w, h } = lw.ui().viewport
          lw.session.ui.setState({
            camera: {
              x: w / 2 - s.pos.x - s.size.w / 2,
              y: h / 2 - s.pos.y - s.size.h / 2,
              zoom: 1,
            },
          })
        }, id)
        await ann.board.editStory(id)
        problems.push(
          ...(await findProblems(ann.page)).map((p) => `story ${id} in the editor: ${p}`),
        )
        // Clicking every link in the editor runs nothing and goes nowhere.
        const links = ann.page.locator('[data-testid=story-editor] a')
        for (let i = 0; i < (await links.count()); i++) await links.nth(i).click()
        if (!ann.page.url().endsWith(`/b/${boardId}`))
          problems.push(`a click in story ${id} navigated to ${ann.page.url()}`)
        problems.push(
          ...(await findProblems(ann.page)).map(
            (p) => `story ${id} after clicking its links: ${p}`,
          ),
        )
        await ann.board.stopWriting()
      }
      expect(problems, problems.join('\n')).toEqual([])
    },
    STEP,
  )

  it(
    'the details panel shows the fields as text',
    async () => {
      await ann.page.evaluate((id) => {
        const lw = window.__learningWall!
        lw.session.ui.setState({ selection: new Set([id]), panelOpen: true })
      }, hostile.fieldStory)
      const panel = ann.page.getByTestId('story-panel')
      await expect.poll(() => panel.getByLabel('Teller role').inputValue(), SYNC).toBe(SCRIPT)
      expect(await panel.getByLabel('Experiment').inputValue()).toBe('javascript:window.__pwned=1')
      expect(await panel.getByLabel(/^Tags/).inputValue()).toContain(IMG)
      await expectInert(ann.page, 'details panel')
    },
    STEP,
  )

  it(
    'the outline view shows payloads as text',
    async () => {
      await ann.board.showOutline()
      await expect.poll(() => ann.board.outlineText(hostile.textStory), SYNC).toContain(IMG)
      expect(await ann.board.outlineText(hostile.textStory)).toContain(SCRIPT)
      await expect
        .poll(() => ann.page.getByTestId('outline').innerText(), SYNC)
        .toContain(`#${IMG}`)
      expect(await ann.page.getByTestId('outline').innerText()).toContain(`${IMG} pattern`)
      await expectInert(ann.page, 'outline view')
    },
    STEP,
  )

  it(
    'a board titled with markup is listed as text on the home page',
    async () => {
      const hisBoard = await mallory.api.createBoard(`${IMG} board`)
      await e2e.addMember(mallory, hisBoard, ann, 'contributor')
      await ann.home.goto()
      expect(await ann.home.boardTitles()).toContain(`${IMG} board`)
      await expectInert(ann.page, 'home page')
      await ann.board.open(hisBoard)
      expect(await ann.page.getByTestId('board-title').innerText()).toBe(`${IMG} board`)
      await expectInert(ann.page, 'board titled with markup')
    },
    STEP,
  )
})
