// "Where this came from": the chain below a card raised onto this board, level by level (the
// pattern it was raised from, its stories and the cards it held from further down, their patterns
// and stories). The server decides what each level shows: where I have a role there, the pattern
// and its stories; elsewhere the counts and what was carried.
import { useState } from 'react'
import type { ChainNode } from '../../shared/model/chainNode.ts'
import { SCALE_LABELS } from '../../shared/model/cycle.ts'
import { boardPath } from '../app/route.ts'
import { api } from '../home/api.ts'
import { evidenceLines } from './cardText.ts'
import { followLink } from './followLink.ts'
import { useLoad } from './useLoad.ts'

const chainOf = (conditionId: string) => api<{ chain: ChainNode | null }>(`/api/conditions/${encodeURIComponent(conditionId)}/chain`)

export function WhereFrom({ conditionId, refreshKey }: { conditionId: string; refreshKey: string }) {
  const [open, setOpen] = useState(false)
  return (
    <div className="where-from">
      <button type="button" aria-expanded={open} onClick={() => setOpen(!open)} data-testid="where-from-toggle">
        Where this came from
      </button>
      {open && <ChainView conditionId={conditionId} refreshKey={refreshKey} />}
    </div>
  )
}

function ChainView({ conditionId, refreshKey }: { conditionId: string; refreshKey: string }) {
  const { value, error, loading } = useLoad(() => chainOf(conditionId), `${conditionId}:${refreshKey}`)
  if (loading && !value) return <p className="hint">Loading…</p>
  if (error) return <p className="info-note">{error.message}</p>
  if (!value?.chain) return <p className="hint">The board it was raised from is gone.</p>
  return (
    <ol className="chain" aria-label="Where this came from" data-testid="where-from">
      <Node node={value.chain} depth={1} />
    </ol>
  )
}

const LEVELS = ['', 'one level down', 'two levels down', 'three levels down', 'four levels down']

function Node({ node, depth }: { node: ChainNode; depth: number }) {
  const where = node.board.title ?? `A ${SCALE_LABELS[node.board.scale].toLowerCase()} cycle (title hidden)`
  return (
    <li data-testid="chain-node" data-access={node.access} data-scale={node.board.scale}>
      <p className="condition-meta">
        <strong>
          {node.board.id ? (
            <a href={boardPath(node.board.id)} onClick={(e) => followLink(e, boardPath(node.board.id!))}>
              {where}
            </a>
          ) : (
            where
          )}
        </strong>{' '}
        ({SCALE_LABELS[node.board.scale]}, {LEVELS[depth] ?? `${depth} levels down`}){node.role === 'counter-example' ? ' · as a counter-example' : ''}
        {node.pattern ? ` · pattern “${node.pattern.name}”` : ''}
      </p>
      <p className="condition-meta" data-testid="chain-evidence">{evidenceLines(node.evidence).join('; ')}</p>
      {node.measures.length > 0 && (
        <p className="condition-meta" data-testid="chain-measures">
          Measures: {node.measures.map((m) => `${m.name} ${m.sum}${m.unit ? ` ${m.unit}` : ''} (${m.count})`).join('; ')}
        </p>
      )}
      {node.access ? (
        node.stories.length > 0 && (
          <ul aria-label="Stories">
            {node.stories.map((s) => (
              <li key={s.id} data-testid="chain-story" data-role={s.role}>
                {s.sensitivity === 'restricted' ? '(restricted story)' : s.text || '(no text)'}
                {s.role === 'counter-example' ? ' (counter-example)' : ''}
              </li>
            ))}
          </ul>
        )
      ) : (
        <>
          <p className="hint">You have no role on this board: counts and what was carried.</p>
          {node.quotes.length > 0 && (
            <ul aria-label="Quotes carried">
              {node.quotes.map((q, i) => (
                <li key={i} data-testid="chain-quote" data-role={q.role}>
                  “{q.text}”{q.role === 'counter-example' ? ' (counter-example)' : ''}
                  {q.teller ? ` — ${q.teller}` : ''}
                </li>
              ))}
            </ul>
          )}
        </>
      )}
      {node.below.length > 0 && (
        <ol>
          {node.below.map((n) => (
            <Node key={n.conditionId} node={n} depth={depth + 1} />
          ))}
        </ol>
      )}
    </li>
  )
}
