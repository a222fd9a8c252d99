import type { ScanFeedback } from "@/components/scanner/scanner-provider";

/** The alert class of each answer tone (queued: its own blue, unlike success, warning and error). */
export const toneClass = { success: "alert--ok", warning: "alert--warn", error: "alert--error", queued: "alert--queued" } as const;

/** A station action's answer, in colour, announced to screen readers. */
export function ActionAnswer({ answer, testId = "action-answer", className = "" }: { answer: ScanFeedback | null; testId?: string; className?: string }) {
  if (!answer) return null;
  return (
    <p className={`alert ${toneClass[answer.tone]} ${className}`} role={answer.tone === "error" ? "alert" : "status"} data-testid={testId} data-tone={answer.tone}>
      {answer.message}
    </p>
  );
}
