// A learning-cycle canvas: the elements of the cycle as areas, with stewardship throughout.
import type { Template } from '../model/facilitation.ts'

const column = (label: string, i: number) => ({ label, kind: 'column' as const, rect: { x: i * 1300, y: 0, w: 1200, h: 1800 } })

export const learningCycle: Template = {
  id: 'learning-cycle',
  version: 1,
  name: 'Learning-cycle canvas',
  description: 'Lay the board out by the elements of a learning cycle.',
  phases: [
    { id: 'understand', name: 'Understand the system', prompt: 'What do we know about the system and the people in it?', minutes: 20, private: false, voting: false },
    { id: 'co-design', name: 'Co-design', prompt: 'What could we try, with the people it is for?', minutes: 20, private: false, voting: false },
    { id: 'experiment', name: 'Experiment', prompt: 'What happened when we tried it? Stories and measures.', minutes: 20, private: false, voting: false },
    { id: 'embed', name: 'Embed and influence', prompt: 'What should spread, and what must change for it to?', minutes: 20, private: false, voting: true },
  ],
  areas: [
    ...['Understand the system', 'Co-design', 'Experiment', 'Embed and influence'].map(column),
    { label: 'System stewardship (throughout)', kind: 'zone', rect: { x: 0, y: 1900, w: 5100, h: 500 } },
  ],
}
