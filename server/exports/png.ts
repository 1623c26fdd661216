// PNG from the board's SVG through resvg (prebuilt native binary). Runs in the export worker.
import { Resvg } from '@resvg/resvg-js'

/** Twice the board's size for sharp text; large boards scaled down to about 12 megapixels. */
export function svgToPng(svg: string, width: number, height: number): Uint8Array {
  const scale = Math.min(2, Math.sqrt(12_000_000 / Math.max(1, width * height)))
  const resvg = new Resvg(svg, {
    fitTo: { mode: 'width', value: Math.max(1, Math.round(width * scale)) },
    font: { loadSystemFonts: true, defaultFontFamily: 'DejaVu Sans' },
    background: '#ffffff',
  })
  return new Uint8Array(resvg.render().asPng())
}
