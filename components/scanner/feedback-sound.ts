/**
 * Short tones through Web Audio: a high beep for success, a mid tone for a warning, a low double
 * buzz for an error, and two soft rising notes for "queued on this device" (no network yet).
 */
let context: AudioContext | null = null;

function tone(ctx: AudioContext, frequency: number, start: number, duration: number, type: OscillatorType) {
  const osc = ctx.createOscillator();
  const gain = ctx.createGain();
  osc.type = type;
  osc.frequency.value = frequency;
  gain.gain.setValueAtTime(0.2, ctx.currentTime + start);
  gain.gain.exponentialRampToValueAtTime(0.001, ctx.currentTime + start + duration);
  osc.connect(gain).connect(ctx.destination);
  osc.start(ctx.currentTime + start);
  osc.stop(ctx.currentTime + start + duration);
}

export function playFeedback(kind: "success" | "warning" | "error" | "queued") {
  try {
    context ??= new AudioContext();
    if (kind === "success") tone(context, 1320, 0, 0.12, "sine");
    else if (kind === "warning") tone(context, 660, 0, 0.25, "triangle");
    else if (kind === "queued") {
      tone(context, 523, 0, 0.12, "sine");
      tone(context, 784, 0.14, 0.16, "sine");
    }
    else {
      tone(context, 220, 0, 0.18, "square");
      tone(context, 220, 0.24, 0.18, "square");
    }
  } catch {
    // No audio device (or autoplay blocked): the colour and text still tell the result.
  }
}
