// Local, per-person view state of one board session (never in the document). No React, no DOM.
import type { Box, Camera } from '../geometry/camera.ts'

export type Tool = 'select' | 'hand'
export type View = 'canvas' | 'outline'

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
  typeahead: '',
})
