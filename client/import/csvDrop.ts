// Drop a .csv file on the canvas to import its stories where it was dropped.
import type { BoardSession } from '../board/createSession.ts'
import { screenToCanvas } from '../geometry/camera.ts'
import { importCsvFile } from './runImport.ts'

const hasFiles = (e: DragEvent) => e.dataTransfer?.types.includes('Files') ?? false

export function attachCsvDrop(el: HTMLElement, s: BoardSession): () => void {
  const onOver = (e: DragEvent) => {
    if (!hasFiles(e)) return
    e.preventDefault()
    if (e.dataTransfer) e.dataTransfer.dropEffect = 'copy'
  }
  const onDrop = (e: DragEvent) => {
    const file = e.dataTransfer?.files[0]
    if (!file) return
    e.preventDefault()
    const r = el.getBoundingClientRect()
    const at = screenToCanvas(s.ui.getState().camera, { x: e.clientX - r.left, y: e.clientY - r.top })
    void importCsvFile(s, file, at)
  }
  el.addEventListener('dragover', onOver)
  el.addEventListener('drop', onDrop)
  return () => {
    el.removeEventListener('dragover', onOver)
    el.removeEventListener('drop', onDrop)
  }
}
