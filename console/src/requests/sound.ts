/**
 * A short two-tone chime for a new chat request, made with Web Audio (no file to load). Browsers
 * allow sound only after the page has had a user gesture; before that it stays silent, which is
 * fine: the badge and the list show the request anyway.
 */
let context: AudioContext | null = null;

export function playArrivalChime(): void {
  try {
    const Ctor = window.AudioContext ?? (window as unknown as { webkitAudioContext?: typeof AudioContext }).webkitAudioContext;
    if (!Ctor) return;
    context ??= new Ctor();
    if (context.state === 'suspended') context.resume().catch(() => {});
    const start = context.currentTime;
    for (const [offset, frequency] of [
      [0, 880],
      [0.14, 1318.5],
    ] as const) {
      const osc = context.createOscillator();
      const gain = context.createGain();
      osc.type = 'sine';
      osc.frequency.value = frequency;
      gain.gain.setValueAtTime(0.0001, start + offset);
      gain.gain.exponentialRampToValueAtTime(0.2, start + offset + 0.02);
      gain.gain.exponentialRampToValueAtTime(0.0001, start + offset + 0.22);
      osc.connect(gain).connect(context.destination);
      osc.start(start + offset);
      osc.stop(start + offset + 0.25);
    }
  } catch {
    // no audio on this browser: the badge is enough
  }
}
