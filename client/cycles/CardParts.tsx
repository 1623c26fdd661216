// What the canvas's card columns ("Raised from below", "Shared by peer cycles") draw alike: the
// column heading with its hint, and a card's text rows as cardLayout measured them. Konva, no
// listening: clicks are hit-tested against the layout.
import { Text } from 'react-konva'
import { CARD_PAD, FAMILY, LINE_HEIGHT, ROW_FONTS, type CardColumn, type CardRow, type RowStyle } from './cardLayout.ts'

const ROW_FILL: Record<RowStyle, string> = { name: '#1f2328', text: '#1f2328', quote: '#3d444d', meta: '#57606a' }
/** A row that warns (declined, no longer live). */
const ALERT_FILL = '#842029'

export function ColumnHeading({ column, title, hint }: { column: CardColumn; title: string; hint: string }) {
  return (
    <>
      <Text x={column.heading.x} y={column.heading.y} text={title} fontSize={18} fontStyle="bold" fontFamily={FAMILY} fill="#1f2328" />
      <Text x={column.heading.x} y={column.heading.y + 22} text={hint} fontSize={11} fontFamily={FAMILY} fill="#57606a" />
    </>
  )
}

/** `alert`: the key of the row drawn in the warning colour; `italic` draws it in italics too. */
export function CardRows({ rows, alert, italic = false }: { rows: readonly CardRow[]; alert: string; italic?: boolean }) {
  return rows.map((row) => {
    const f = ROW_FONTS[row.style]
    const warn = row.key === alert
    return (
      <Text
        key={row.key}
        x={CARD_PAD}
        y={row.y}
        text={row.lines.join('\n')}
        fontSize={f.size}
        fontStyle={warn && italic ? 'italic' : f.style}
        fontFamily={FAMILY}
        fill={warn ? ALERT_FILL : ROW_FILL[row.style]}
        lineHeight={LINE_HEIGHT[row.style] / f.size}
        wrap="none"
      />
    )
  })
}
