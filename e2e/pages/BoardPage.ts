// One board in one browser tab, as a person sees it: the canvas (read through the test API, since
// a Konva canvas has no DOM), the outline view, the avatars and the connection badge.
import type { Locator, Page } from 'playwright-core'
import type { Story } from '../../shared/model/story.ts'
import type { Peer } from '../../client/presence/peers.ts'
import type { TestApi } from '../../client/testApi.ts'

/** The modifier for ⌘/Ctrl shortcuts in headless Chromium on Linux. */
export const MOD = 'Control'

type Camera = { x: number; y: number; zoom: number }

export class BoardPage {
  constructor(
    readonly page: Page,
    private readonly baseUrl: string,
  ) {}

  async open(boardId: string): Promise<this> {
    await this.page.goto(`${this.baseUrl}/b/${boardId}`)
    await this.ready()
    return this
  }

  /** The test API is up, the socket is connected and the board has arrived from the server. */
  async ready(): Promise<void> {
    await this.page.waitForFunction(() => {
      const lw = window.__learningWall
      return !!lw && lw.synced() && lw.connection().status === 'connected'
    })
  }

  /** Runs `fn` against the page's test API and returns its (serialisable) result. */
  api<T>(fn: (lw: TestApi) => T): Promise<T> {
    return this.page.evaluate<T>(`(${fn.toString()})(window.__learningWall)`)
  }

  get canvas(): Locator {
    return this.page.getByTestId('board-canvas')
  }

  get editor(): Locator {
    return this.page.getByTestId('story-editor')
  }

  get connection(): Locator {
    return this.page.getByTestId('connection')
  }

  stories(): Promise<Story[]> {
    return this.api((lw) => lw.snapshot().stories)
  }

  async story(id: string): Promise<Story | undefined> {
    return (await this.stories()).find((s) => s.id === id)
  }

  async storyText(id: string): Promise<string | undefined> {
    return (await this.story(id))?.text
  }

  /** The story's rich text as Yjs XML, marks included: `<paragraph>a <bold>b</bold></paragraph>`. */
  storyXml(id: string): Promise<string | null> {
    return this.page.evaluate((storyId) => {
      const text = window.__learningWall?.doc.getMap('stories').get(storyId) as
        { get(k: string): { toString(): string } | undefined } | undefined
      return text?.get('text')?.toString() ?? null
    }, id)
  }

  peers(): Promise<readonly Peer[]> {
    return this.api((lw) => lw.peers())
  }

  async connectionStatus(): Promise<string | null> {
    return this.connection.getAttribute('data-status')
  }

  /** Names on the avatar bar, other people only. */
  avatarNames(): Promise<string[]> {
    return this.page
      .locator('[data-testid=avatars] [data-peer]')
      .evaluateAll((els) => els.map((e) => e.getAttribute('data-peer') ?? ''))
  }

  /** Visible texts Konva draws as Text nodes (cursor labels, footers, "… is writing"). */
  canvasTexts(): Promise<string[]> {
    return this.page.evaluate(() => {
      type Node = { text(): string; isVisible(): boolean }
      const konva = (
        window as unknown as { Konva?: { stages: { find(selector: string): Node[] }[] } }
      ).Konva
      return (konva?.stages ?? []).flatMap((stage) =>
        stage
          .find('Text')
          .filter((t) => t.isVisible())
          .map((t) => t.text()),
      )
    })
  }

  // Writing -----------------------------------------------------------------------------------

  /** Presses N on the canvas and waits for the new story's editor to have the focus. */
  async newStory(): Promise<string> {
    await this.canvas.focus()
    await this.page.keyboard.press('n')
    await this.waitEditorFocused()
    return (await this.api((lw) => lw.ui().editingId))!
  }

  async waitEditorFocused(): Promise<void> {
    await this.page.waitForFunction(
      () => document.activeElement?.getAttribute('data-testid') === 'story-editor',
    )
  }

  async type(text: string): Promise<void> {
    await this.page.keyboard.type(text)
  }

  /** The text selected in the page (the editor's selection while it has the focus). */
  selectedText(): Promise<string> {
    return this.page.evaluate(() => document.getSelection()?.toString() ?? '')
  }

  /**
   * Selects `word`, which ends at the caret, with Shift+← and makes it bold with ⌘/Ctrl+B. Each
   * press waits until ProseMirror's own selection (not only the DOM's) covers what was pressed:
   * on a loaded machine a key can arrive before ProseMirror has read the last selection change
   * back from the DOM, and ⌘B would then bold only part of the word.
   */
  async boldPreviousWord(word: string): Promise<void> {
    type EditorDom = HTMLElement & {
      editor?: {
        state: {
          selection: { from: number; to: number }
          doc: { textBetween(a: number, b: number): string; textContent: string }
        }
        isActive(mark: string): boolean
      }
    }
    const pmSelected = () =>
      this.page.evaluate(() => {
        const editor = document.querySelector<EditorDom>('[data-testid=story-editor]')?.editor
        if (!editor) return null
        const { from, to } = editor.state.selection
        return editor.state.doc.textBetween(from, to)
      })
    await this.page.waitForFunction(
      (w) =>
        document
          .querySelector<EditorDom>('[data-testid=story-editor]')
          ?.editor?.state.doc.textContent.endsWith(w),
      word,
    )
    for (let i = 0; ; i++) {
      const selected = await pmSelected()
      if (selected === word && (await this.selectedText()) === word) break
      if (i > word.length * 2) throw new Error(`could not select "${word}" (have "${selected}")`)
      const before = selected
      await this.page.keyboard.press('Shift+ArrowLeft')
      // Let ProseMirror take the new selection before the next key.
      await this.page
        .waitForFunction(
          (b) => {
            const editor = document.querySelector<EditorDom>('[data-testid=story-editor]')?.editor
            if (!editor) return false
            const { from, to } = editor.state.selection
            return editor.state.doc.textBetween(from, to) !== b
          },
          before,
          { timeout: 2000 },
        )
        .catch(() => undefined)
    }
    await this.page.keyboard.press(`${MOD}+b`)
    await this.page.waitForFunction(() =>
      document.querySelector<EditorDom>('[data-testid=story-editor]')?.editor?.isActive('bold'),
    )
    // Collapse to the selection's end, where the caret was (End would go to the end of the
    // visual line, and a story's text wraps).
    await this.page.keyboard.press('ArrowRight')
  }

  /**
   * ⌘/Ctrl+Home in the editor. ProseMirror takes a caret at the very start within 200 ms of the
   * editor gaining focus for Chrome's focus glitch and puts it back, so press until it stays.
   */
  async caretToStart(): Promise<void> {
    const atStart = () =>
      this.page.evaluate(async () => {
        // After the selectionchange that ProseMirror may answer by restoring its own selection.
        await new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)))
        const sel = document.getSelection()
        const editor = document.querySelector('[data-testid=story-editor]')
        if (
          !sel ||
          !editor ||
          !sel.isCollapsed ||
          !sel.anchorNode ||
          !editor.contains(sel.anchorNode)
        )
          return false
        const range = document.createRange()
        range.setStart(editor, 0)
        range.setEnd(sel.anchorNode, sel.anchorOffset)
        return range.toString() === ''
      })
    for (let attempt = 0; attempt < 10; attempt++) {
      await this.page.keyboard.press(`${MOD}+Home`)
      if (await atStart()) return
    }
    throw new Error('the caret does not stay at the start of the story')
  }

  async stopWriting(): Promise<void> {
    await this.page.keyboard.press('Escape')
    await this.editor.waitFor({ state: 'detached' })
  }

  /** Double-clicks a story on the canvas to write in it; the caret ends up at the end. */
  async editStory(id: string): Promise<void> {
    const at = await this.storyOnScreen(id)
    await this.page.mouse.dblclick(at.x, at.y)
    await this.waitEditorFocused()
  }

  /**
   * A pause in this person's writing long enough to be an undo step of its own (the undo manager
   * groups changes less than 400 ms apart; a fast run of test steps can be quicker than that).
   */
  async pause(): Promise<void> {
    await this.api((lw) => lw.session.undo.stopCapturing())
  }

  /** Undo with ⌘/Ctrl+Z (in the editor or on the canvas). */
  async undo(): Promise<void> {
    await this.page.keyboard.press(`${MOD}+z`)
  }

  /**
   * ⌘/Ctrl+Z until `done` holds (checked after each press, so never one too many). Typing with
   * pauses longer than the undo manager's 400 ms capture window, as on a loaded machine, is more
   * than one undo step, as it would be for a person.
   */
  async undoUntil(done: () => Promise<boolean>, maxPresses = 6): Promise<void> {
    for (let i = 0; i < maxPresses; i++) {
      await this.undo()
      if (await done()) return
    }
    throw new Error(`still not undone after ${maxPresses} presses of ${MOD}+Z`)
  }

  // Where things are --------------------------------------------------------------------------

  camera(): Promise<Camera> {
    return this.api((lw) => lw.ui().camera)
  }

  /** Screen coordinates (page pixels) of a canvas point. */
  async toScreen(p: { x: number; y: number }): Promise<{ x: number; y: number }> {
    const [box, cam] = await Promise.all([this.canvas.boundingBox(), this.camera()])
    if (!box) throw new Error('the canvas is not on screen')
    return { x: box.x + (p.x + cam.x) * cam.zoom, y: box.y + (p.y + cam.y) * cam.zoom }
  }

  async storyOnScreen(id: string): Promise<{ x: number; y: number }> {
    const s = await this.story(id)
    if (!s) throw new Error(`no story ${id}`)
    return this.toScreen({ x: s.pos.x + s.size.w / 2, y: s.pos.y + s.size.h / 2 })
  }

  /** Moves the mouse over the canvas to a canvas point (others see it as this person's pointer). */
  async pointAt(p: { x: number; y: number }): Promise<void> {
    const at = await this.toScreen(p)
    await this.page.mouse.move(at.x, at.y, { steps: 4 })
  }

  // Outline view ------------------------------------------------------------------------------

  async showOutline(): Promise<void> {
    await this.page.getByTestId('outline-toggle').click()
    await this.page.getByTestId('outline').waitFor()
  }

  async showCanvas(): Promise<void> {
    await this.page.getByRole('button', { name: 'Canvas', exact: true }).click()
    await this.canvas.waitFor()
  }

  outlineStory(id: string): Locator {
    return this.page.locator(`li[data-testid=outline-story][data-story-id="${id}"]`)
  }

  /** The story's text as the outline view shows it, or null while it is not listed. */
  async outlineText(id: string): Promise<string | null> {
    const text = this.outlineStory(id).getByTestId('story-text')
    return (await text.count()) ? text.innerText() : null
  }

  /** In the outline: writes `stories`, groups them into a new pattern called `name`; its id. */
  async outlinePattern(name: string, stories: readonly string[]): Promise<string> {
    await this.showOutline()
    for (const text of stories) {
      await this.page.getByTestId('outline-new-story').click()
      await this.waitEditorFocused()
      await this.type(text)
      await this.stopWriting()
    }
    await this.page.getByTestId('outline-pattern-name').fill(name)
    await this.page.getByTestId('outline-pattern-name').press('Enter')
    const section = this.page.locator('[data-testid=outline-pattern]')
    await section.waitFor()
    const id = (await section.getAttribute('data-pattern-id'))!
    const loose = this.page.locator('[data-testid=outline-loose] select[data-testid=story-pattern]')
    for (let i = 0; i < stories.length; i++) await loose.first().selectOption({ label: name })
    await this.page.waitForFunction(
      ([pid, n]) => window.__learningWall!.snapshot().patterns.find((p) => p.id === pid)?.members.length === n,
      [id, stories.length] as const,
    )
    return id
  }
}
