// Team reflection, 90 minutes. A template is data: new ones need no code.
import type { Template } from '../model/facilitation.ts'

export const teamReflection: Template = {
  id: 'team-reflection',
  version: 1,
  name: 'Team reflection (90 min)',
  description: 'Reflect on recent experiments, find patterns, decide what to take forward and what to ask of the system.',
  phases: [
    { id: 'reflect', name: 'Reflect', prompt: 'Write one story per note from your recent work: what happened, for whom, what changed?', minutes: 15, private: true, voting: false },
    { id: 'group', name: 'Group', prompt: 'Read each other’s stories. Drag together the ones that seem to say the same thing and name the pattern.', minutes: 20, private: false, voting: false },
    { id: 'vote', name: 'Vote', prompt: 'Which patterns matter most for the people we serve? Use your dots.', minutes: 10, private: false, voting: true },
    { id: 'so-what', name: 'So what?', prompt: 'For the top patterns: what do they tell us? How confident are we, and why?', minutes: 25, private: false, voting: false },
    { id: 'now-what', name: 'Now what?', prompt: 'What will we try next, and what do we need from the system? Raise enablers and barriers.', minutes: 20, private: false, voting: false },
  ],
  areas: [],
}
