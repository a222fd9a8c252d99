import { getFormatter, getTranslations } from "next-intl/server";
import type { TimelineEntry } from "@/lib/desk/item-record";
import styles from "./desk.module.css";

/** Detail keys shown by their own name; bin ids are shown as bin codes, photo ids as photos. */
const binKeys = ["binId", "fromBinId", "toBinId"];
const hiddenKeys = new Set(["storageKey", "inspectionId", "itemId", "bytes", "at", "station", "operatorId", "parcelId", "photoId"]);

function show(value: unknown): string {
  if (value === null || value === undefined || value === "") return "";
  if (Array.isArray(value)) return value.map(show).join(", ");
  if (typeof value === "object") return JSON.stringify(value);
  return String(value);
}

/**
 * An item's audit trail, oldest first: when (center time), what, from/to state, who (staff member
 * or marketplace client) at which station, and each detail the step recorded — tracking numbers,
 * bins, verdicts, photos inline. Any new action from a later flow shows without a change here.
 */
export async function Timeline({ entries, binCodes }: { entries: TimelineEntry[]; binCodes: Record<string, string> }) {
  const t = await getTranslations();
  const format = await getFormatter();
  const actionName = (action: string) => (t.has(`desk.actions.${action}`) ? t(`desk.actions.${action}`) : action);
  const stateName = (state: string | null) => (state && t.has(`states.${state}`) ? t(`states.${state}`) : (state ?? ""));
  // Values that are codes (a return's reason, where it goes, a verdict) by their name in the user's language.
  const valueNames: Record<string, string> = { reason: "dispatch.pack.reasons", destination: "desk.itemPage.destinations", verdict: "inspection.verdicts" };
  const valueName = (key: string, value: unknown) => {
    const named = typeof value === "string" && valueNames[key] ? `${valueNames[key]}.${value}` : null;
    return named && t.has(named) ? t(named) : show(value);
  };
  return (
    <ol className={styles.timeline} data-testid="item-timeline">
      {entries.map((e) => {
        const details = Object.entries(e.details).filter(([k, v]) => !hiddenKeys.has(k) && show(v) !== "");
        const photoId = typeof e.details.photoId === "string" ? e.details.photoId : null;
        return (
          <li key={e.id} className={styles.timelineRow} data-testid="timeline-row" data-action={e.action}>
            <span className={styles.timelineWhen}>{format.dateTime(e.at, { dateStyle: "short", timeStyle: "medium" })}</span>
            <div>
              <strong>{actionName(e.action)}</strong>{" "}
              {e.fromState !== e.toState && (
                <span>
                  {stateName(e.fromState)} → {stateName(e.toState)}
                </span>
              )}
              <span className="muted">
                {" · "}
                {e.actorName ?? (e.apiClientName ? `${t("desk.itemPage.marketplace")} (${e.apiClientName})` : t("desk.itemPage.system"))}
                {e.station ? ` · ${e.station}` : ""}
              </span>
              {details.length > 0 && (
                <ul className={styles.timelineDetails}>
                  {details.map(([k, v]) => (
                    <li key={k}>
                      <span>{t.has(`desk.detailKeys.${k}`) ? t(`desk.detailKeys.${k}`) : k}</span>
                      {/* A flag (returnToSeller: true) reads as its name alone; a false one says so. */}
                      {v === true ? null : v === false ? (
                        `: ${t("desk.itemPage.flagNo")}`
                      ) : (
                        <>
                          :{" "}
                          <code>{binKeys.includes(k) && typeof v === "string" ? (binCodes[v] ?? v) : valueName(k, v)}</code>
                        </>
                      )}
                    </li>
                  ))}
                </ul>
              )}
              {photoId && (
                <a href={`/api/station/inspection/photos/${photoId}`} target="_blank" rel="noreferrer">
                  {/* eslint-disable-next-line @next/next/no-img-element */}
                  <img src={`/api/station/inspection/photos/${photoId}`} alt={t("desk.itemPage.photo")} className={styles.photo} />
                </a>
              )}
            </div>
          </li>
        );
      })}
    </ol>
  );
}
