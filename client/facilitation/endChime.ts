// The optional soft sound when the timer runs out: two quiet sine notes from a Web Audio
// oscillator (no asset files). Whether to play it is each person's choice, kept on this device.
const KEY = 'learning-wall:timer-sound'

export function loadSoundOn(storage: Pick<Storage, 'getItem'> | null): boolean {
  try {
    return storage?.getItem(KEY) === 'on'
  } catch {
    return false
  }
}

export function saveSoundOn(storage: Pick<Storage, 'setItem'> | null, on: boolean): void {
  try {
    storage?.setItem(KEY, on ? 'on' : 'off')
  } catch {
    // Private mode or quota: the choice lasts for this page only.
  }
}

export function playChime(): void {
  const Ctx = window.AudioContext
  if (!Ctx) return
  const ctx = new Ctx()
  const start = ctx.currentTime
  for (const [i, freq] of [660, 880].entries()) {
    const osc = ctx.createOscillator()
    const gain = ctx.createGain()
    osc.type = 'sine'
    osc.frequency.value = freq
    const t = start + i * 0.35
    // A soft attack and a long fade: a chime, not a beep.
    gain.gain.setValueAtTime(0, t)
    gain.gain.linearRampToValueAtTime(0.12, t + 0.03)
    gain.gain.exponentialRampToValueAtTime(0.0001, t + 1.2)
    osc.connect(gain).connect(ctx.destination)
    osc.start(t)
    osc.stop(t + 1.25)
  }
  setTimeout(() => void ctx.close(), 2000)
}
