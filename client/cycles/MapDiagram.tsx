// The map as a diagram: rows by scale (region at the top, person at the bottom), each cycle a
// link to its board with its open enablers and barriers raised and received, links as lines
// (pending ones dashed). Keyboard: every cycle is a focusable link.
import { SCALE_LABELS } from '../../shared/model/cycle.ts'
import { boardPath } from '../app/route.ts'
import type { CycleMap, MapCycle, OpenCounts } from './cyclesApi.ts'
import { followLink } from './followLink.ts'
import { layoutMap, NODE_H, NODE_W, type MapNode } from './mapLayout.ts'
import { KIND_COLOURS } from './statusFlow.ts'

const clip = (s: string, n: number) => (s.length > n ? `${s.slice(0, n - 1)}…` : s)

export function MapDiagram({ map, width }: { map: CycleMap; width: number }) {
  const layout = layoutMap(map.cycles, map.links, width)
  return (
    <svg className="map-svg" width={layout.width} height={layout.height} viewBox={`0 0 ${layout.width} ${layout.height}`} role="group" aria-label="Map of learning cycles by scale" data-testid="map-diagram">
      {layout.rows.map((r, i) => (
        <g key={r.scale}>
          {i % 2 === 0 && <rect x={0} y={r.y} width={layout.width} height={r.h} fill="#f6f7f9" />}
          <text x={16} y={r.y + (r.count ? r.h / 2 : r.h / 2 - 7)} dominantBaseline="middle" fontSize={14} fontWeight={600} fill="#57606a">
            {SCALE_LABELS[r.scale]}
          </text>
          {r.count === 0 && (
            <text x={16} y={r.y + r.h / 2 + 11} dominantBaseline="middle" fontSize={11} fill="#8c959f">
              no cycles you can see
            </text>
          )}
        </g>
      ))}
      {layout.edges.map((e) => (
        <path
          key={e.link.id}
          d={e.d}
          fill="none"
          stroke={e.dashed ? '#8c959f' : '#1d63ed'}
          strokeWidth={2}
          strokeDasharray={e.dashed ? '6 5' : undefined}
          data-testid="map-link"
          data-link-id={e.link.id}
          data-lower={e.link.lower}
          data-higher={e.link.higher}
          data-status={e.link.status}
          data-kind={e.link.kind}
        >
          <title>{`${e.link.kind === 'vertical' ? 'Vertical' : 'Horizontal'} link, ${e.link.status}`}</title>
        </path>
      ))}
      {layout.nodes.map((n) => (
        <CycleNode key={n.cycle.id} node={n} />
      ))}
    </svg>
  )
}

function CycleNode({ node }: { node: MapNode }) {
  const { cycle: c, x, y } = node
  const path = boardPath(c.id)
  const body = (
    <>
      <rect className="node" x={x} y={y} width={NODE_W} height={NODE_H} rx={10} fill="#ffffff" stroke="#c3cad3" strokeWidth={1.5} />
      <text x={x + 12} y={y + 22} fontSize={14} fontWeight={600} fill="#1f2328">
        {clip(c.title, 28)}
      </text>
      <text x={x + 12} y={y + 40} fontSize={11} fill="#57606a">
        {`${SCALE_LABELS[c.scale]} · ${c.role ?? 'linked, no role'}`}
      </text>
      <Counts x={x + 12} y={y + 62} label="Open raised" counts={c.raised} direction="raised" />
      <Counts x={x + 12} y={y + 78} label="Open received" counts={c.received} direction="received" />
      <text x={x + 12} y={y + 94} fontSize={11} fill="#57606a" data-testid="answered-count">
        {answeredLine(c)}
      </text>
    </>
  )
  // A cycle in my chain that I have no role on: its shape and counts, no way in.
  if (c.role === null) {
    return (
      <g data-testid="map-cycle" data-board-id={c.id} data-scale={c.scale} data-member="false">
        {body}
      </g>
    )
  }
  return (
    <a href={path} onClick={(e) => followLink(e, path)} data-testid="map-cycle" data-board-id={c.id} data-scale={c.scale} data-member="true">
      {body}
    </a>
  )
}

/** Answered (resolved or declined) on this cycle and from it, and how long answers here took. */
function answeredLine(c: MapCycle): string {
  const here = c.received.answered ?? 0
  const hours = c.received.medianAnswerHours
  const took = hours === null || hours === undefined ? '' : ` (median ${hours < 48 ? `${hours} h` : `${Math.round(hours / 24)} days`})`
  return `Answered here: ${here}${took} · from here: ${c.raised.answered ?? 0}`
}

const plural = (n: number, one: string) => (n === 1 ? one : `${one}s`)

function Counts({ x, y, label, counts, direction }: { x: number; y: number; label: string; counts: OpenCounts; direction: 'raised' | 'received' }) {
  return (
    <text x={x} y={y} fontSize={11} fill="#57606a">
      {label}:{' '}
      <tspan fill={KIND_COLOURS.enabler.ink} fontWeight={700} data-testid="open-count" data-direction={direction} data-kind="enabler">
        {counts.enablers}
      </tspan>
      <tspan>{` ${plural(counts.enablers, 'enabler')} · `}</tspan>
      <tspan fill={KIND_COLOURS.barrier.ink} fontWeight={700} data-testid="open-count" data-direction={direction} data-kind="barrier">
        {counts.barriers}
      </tspan>
      <tspan>{` ${plural(counts.barriers, 'barrier')}`}</tspan>
    </text>
  )
}
