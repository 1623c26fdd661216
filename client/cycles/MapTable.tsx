// The map as a table: the same cycles, links and open counts, for screen readers and keyboards.
import { SCALE_LABELS } from '../../shared/model/cycle.ts'
import { ELEMENT_LABELS, type CycleElement } from '../../shared/model/cycle.ts'
import { boardPath } from '../app/route.ts'
import type { CycleMap } from './cyclesApi.ts'
import { followLink } from './followLink.ts'
import { ROW_SCALES } from './mapLayout.ts'

export function MapTable({ map }: { map: CycleMap }) {
  const title = new Map(map.cycles.map((c) => [c.id, c.title]))
  const rank = (s: (typeof map.cycles)[number]['scale']) => ROW_SCALES.indexOf(s)
  const cycles = [...map.cycles].sort((a, b) => rank(a.scale) - rank(b.scale) || a.title.localeCompare(b.title))
  const linksOf = (id: string) =>
    map.links.flatMap((l) => {
      if (l.lower !== id && l.higher !== id) return []
      const other = l.lower === id ? l.higher : l.lower
      const how = l.kind === 'horizontal' ? 'peer of' : l.lower === id ? 'learns up to' : 'enables'
      return [`${how} ${title.get(other) ?? 'a cycle'}${l.status === 'pending' ? ' (pending)' : ''}`]
    })
  return (
    <table className="map-table" data-testid="map-table">
      <caption className="visually-hidden">Learning cycles you can see (yours and the chains they are in), top scale first</caption>
      <thead>
        <tr>
          <th scope="col">Cycle</th>
          <th scope="col">Scale</th>
          <th scope="col">Element</th>
          <th scope="col">Your role</th>
          <th scope="col">Links</th>
          <th scope="col">Open raised (enablers / barriers)</th>
          <th scope="col">Open received (enablers / barriers)</th>
          <th scope="col">Answered (received / raised; median time)</th>
        </tr>
      </thead>
      <tbody>
        {cycles.map((c) => {
          const links = linksOf(c.id)
          return (
            <tr key={c.id} data-testid="map-row" data-board-id={c.id}>
              <th scope="row">
                {c.role === null ? (
                  c.title
                ) : (
                  <a href={boardPath(c.id)} onClick={(e) => followLink(e, boardPath(c.id))}>
                    {c.title}
                  </a>
                )}
              </th>
              <td>{SCALE_LABELS[c.scale]}</td>
              <td>{ELEMENT_LABELS[c.element as CycleElement] ?? c.element}</td>
              <td>{c.role ?? 'none (linked)'}</td>
              <td>{links.length ? <ul>{links.map((t) => <li key={t}>{t}</li>)}</ul> : 'None'}</td>
              <td data-testid="map-row-raised">
                {c.raised.enablers} / {c.raised.barriers}
              </td>
              <td data-testid="map-row-received">
                {c.received.enablers} / {c.received.barriers}
              </td>
              <td data-testid="map-row-answered">
                {c.received.answered ?? 0} / {c.raised.answered ?? 0}
                {c.received.medianAnswerHours != null ? `; ${c.received.medianAnswerHours} h` : ''}
              </td>
            </tr>
          )
        })}
      </tbody>
    </table>
  )
}
