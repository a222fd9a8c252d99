/**
 * Per-station scanner settings, kept in the browser (localStorage) of the station they belong to.
 * `gapMs` is the slowest average time between a scanner's keys still taken as a scan: the default
 * fits ordinary scanners (a few ms to ~30 ms a key); slow Bluetooth scanners need 100 ms or more.
 */
export type ScannerSettings = { gapMs: number };

export const gapChoices = [45, 70, 100, 150] as const;
export const defaultScannerSettings: ScannerSettings = { gapMs: 45 };
const storageKey = "legit-scanner";
export const settingsChanged = "legit-scanner-settings";

export function readScannerSettings(): ScannerSettings {
  if (typeof window === "undefined") return defaultScannerSettings;
  try {
    const saved = JSON.parse(window.localStorage.getItem(storageKey) ?? "{}") as Partial<ScannerSettings>;
    const gapMs = Number(saved.gapMs);
    return { gapMs: Number.isFinite(gapMs) && gapMs >= 10 && gapMs <= 300 ? gapMs : defaultScannerSettings.gapMs };
  } catch {
    return defaultScannerSettings;
  }
}

export function saveScannerSettings(settings: ScannerSettings): void {
  window.localStorage.setItem(storageKey, JSON.stringify(settings));
  window.dispatchEvent(new Event(settingsChanged));
}

/** Decoder options for a key gap: a pause that starts a new burst must be well above the gap. */
export function decoderOptions(settings: ScannerSettings) {
  return { maxAverageGapMs: settings.gapMs, pauseMs: Math.max(300, settings.gapMs * 3), minLength: 4 };
}
