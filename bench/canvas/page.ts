// What the canvas benchmark measures inside the page: requestAnimationFrame timestamps during a
// scripted drag, the first frame that shows a stored board, editor mount and keypress-to-paint.
// Each function here is handed to page.evaluate / addInitScript, so it may use only the DOM and
// its arguments (no imports, no closures over module values).

/** Starts recording rAF timestamps into `window.__frames`. */
export function startFrames(): void {
  const w = window as unknown as { __frames: number[]; __framesOn: boolean }
  w.__frames = []
  w.__framesOn = true
  const tick = (t: number) => {
    w.__frames.push(t)
    if (w.__framesOn) requestAnimationFrame(tick)
  }
  requestAnimationFrame(tick)
}

/** Stops recording; returns the intervals between consecutive frames in ms. */
export function stopFrames(): number[] {
  const w = window as unknown as { __frames: number[]; __framesOn: boolean }
  w.__framesOn = false
  const f = w.__frames
  return f.slice(1).map((t, i) => t - f[i]!)
}

/**
 * Init script: from the start of the page, watch each frame for the first one in which the board
 * has `expected` stories in its document and the canvas' story layer has drawn nodes. Stores the
 * time of that frame (ms since navigation start) in `window.__firstFullFrame`, and in
 * `window.__phases` when the session started (test API), when the provider reported the first
 * sync, and when the document held every story.
 */
export function watchFirstFullFrame(expected: number): void {
  type Konva = { stages: { getLayers(): { getChildren(): unknown[] }[] }[] }
  const w = window as unknown as {
    __firstFullFrame?: number
    __phases: Record<string, number>
    Konva?: Konva
    __learningWall?: { synced(): boolean; doc: { getMap(name: string): { size: number } } }
  }
  w.__phases = {}
  const mark = (name: string) => (w.__phases[name] ??= performance.now())
  const tick = () => {
    const lw = w.__learningWall
    if (lw) mark('session')
    if (lw?.synced()) mark('synced')
    const all = !!lw && lw.doc.getMap('stories').size >= expected
    if (all) mark('stories')
    const layer = w.Konva?.stages[0]?.getLayers()[0]
    if (all && layer && layer.getChildren().length > 0) {
      // Drawn in this frame's rendering update: the next frame's start is when it is on screen.
      requestAnimationFrame(() => (w.__firstFullFrame = performance.now()))
      return
    }
    requestAnimationFrame(tick)
  }
  requestAnimationFrame(tick)
}

/**
 * Records, for each keydown, the time to the editor taking the focus (`__mounts`, for N and a
 * double-click) and the time to the first frame after the editor's text changed (`__paints`).
 */
export function watchEditor(): void {
  const w = window as unknown as {
    __mounts: number[]
    __paints: number[]
    __trigger: number | null
    __key: number | null
  }
  w.__mounts = []
  w.__paints = []
  w.__trigger = null
  w.__key = null
  const isEditor = (el: Element | null) => el?.getAttribute('data-testid') === 'story-editor'
  document.addEventListener(
    'keydown',
    (e) => {
      if (isEditor(document.activeElement)) {
        if (e.key.length === 1) w.__key = e.timeStamp
      } else if (e.key === 'n') w.__trigger = e.timeStamp
    },
    true,
  )
  document.addEventListener('dblclick', (e) => (w.__trigger = e.timeStamp), true)
  document.addEventListener(
    'focusin',
    (e) => {
      if (isEditor(e.target as Element) && w.__trigger !== null) {
        w.__mounts.push(performance.now() - w.__trigger)
        w.__trigger = null
      }
    },
    true,
  )
  new MutationObserver(() => {
    const t0 = w.__key
    if (t0 === null || !isEditor(document.activeElement)) return
    w.__key = null
    requestAnimationFrame(() => w.__paints.push(performance.now() - t0))
  }).observe(document.body, { subtree: true, childList: true, characterData: true })
}
