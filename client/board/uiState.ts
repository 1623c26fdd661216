// Local, per-person view state of one board session (never in the document). No React, no DOM.
import type { StoryFilter } from '../../shared/model/filter.ts'
import type { Box, Camera } from '../geometry/camera.ts'
import type { ImportReport } from '../import/importPlan.ts'

/** `pattern`: drag a rectangle to draw a new pattern area. */
export type Tool = 'select' | 'hand' | 'pattern'
/** `harvest`: a workshop board's table patterns side by side (client/tables). */
export type View = 'canvas' | 'outline' | 'harvest'

export type UiState = {
  camera: Camera
  viewport: { w: number; h: number }
  selection: ReadonlySet<string>
  editingId: string | null
  tool: Tool
  /** Space held: temporary hand tool. */
  spaceDown: boolean
  /** This person's live drag of the selection, in canvas units; committed on drop. */
  drag: { ids: readonly string[]; dx: number; dy: number } | null
  resize: { id: string; w: number; h: number } | null
  marquee: Box | null
  /** The camera is moving (pan/zoom): the canvas may draw cheaper. */
  moving: boolean
  colour: string
  panelOpen: boolean
  helpOpen: boolean
  view: View
  notice: string | null
  /** Keys typed after a story was created but before its editor took the focus. */
  typeahead: string
  /** The selected pattern (its panel shows); selecting stories clears it. */
  selectedPattern: string | null
  /** This person's live move of a pattern (its stories move in `drag`); one movePattern on drop. */
  patternDrag: { id: string; dx: number; dy: number } | null
  patternResize: { id: string; area: Box } | null
  /** The rectangle being drawn with the pattern tool. */
  patternDraft: Box | null
  /** The pattern whose name is being edited in place on the canvas. */
  renamingPattern: string | null
  /** The pattern whose description is in the editor (never at the same time as a story). */
  editingDescription: string | null
  filter: StoryFilter
  importJob: { fileName: string; done: number; total: number } | null
  importReport: ImportReport | null
  /** A facilitator hid everyone's cursors: others' pointers are not drawn and mine is not sent. */
  cursorsHidden: boolean
  /** Bumped when someone starts a story during private writing: the drafts panel takes the focus. */
  draftsFocus: number
}

export const EMPTY_SELECTION: ReadonlySet<string> = new Set()

export const initialUi = (colour: string): UiState => ({
  camera: { x: 0, y: 0, zoom: 1 },
  viewport: { w: 0, h: 0 },
  selection: EMPTY_SELECTION,
  editingId: null,
  tool: 'select',
  spaceDown: false,
  drag: null,
  resize: null,
  marquee: null,
  moving: false,
  colour,
  panelOpen: false,
  helpOpen: false,
  view: 'canvas',
  notice: null,
  draftsFocus: 0,
  typeahead: '',
  selectedPattern: null,
  patternDrag: null,
  patternResize: null,
  patternDraft: null,
  renamingPattern: null,
  editingDescription: null,
  filter: {},
  importJob: null,
  importReport: null,
  cursorsHidden: false,
})
