import { ApiError } from "@/components/http/api-fetch";

const frameId = "legit-print-frame";

/**
 * Prints a PDF with the browser's print dialog without leaving the page: fetch it (so a refusal
 * is reported like any other), load it into one hidden iframe, and call print() on that frame.
 */
export async function printPdfInPage(url: string): Promise<void> {
  let response: Response;
  try {
    response = await fetch(url, { cache: "no-store" });
  } catch {
    throw new ApiError("network", "", 0);
  }
  if (!response.ok || response.headers.get("content-type") !== "application/pdf") {
    const error = (await response.json().catch(() => null))?.error ?? {};
    throw new ApiError(error.code ?? "error", error.message ?? response.statusText, response.status);
  }
  const blobUrl = URL.createObjectURL(await response.blob());
  document.getElementById(frameId)?.remove();
  const frame = document.createElement("iframe");
  frame.id = frameId;
  frame.title = "print";
  frame.dataset.testid = "print-frame";
  frame.dataset.pdfUrl = url;
  // Off-screen but rendered: a display:none frame prints blank in some browsers.
  frame.style.cssText = "position:fixed;right:0;bottom:0;width:1px;height:1px;border:0;opacity:0;pointer-events:none";
  await new Promise<void>((resolve) => {
    frame.onload = () => {
      try {
        // An automated browser (tests) has no one to answer a dialog, and headless Chromium's
        // renderer crashes on print() of a PDF frame: it gets the frame, loaded, and no dialog.
        if (navigator.webdriver) frame.dataset.dialog = "skipped";
        else {
          frame.contentWindow?.focus();
          frame.contentWindow?.print();
          frame.dataset.dialog = "opened";
        }
      } finally {
        resolve();
      }
    };
    frame.src = blobUrl;
    document.body.appendChild(frame);
  });
  // Long enough for the dialog to have read the document.
  setTimeout(() => URL.revokeObjectURL(blobUrl), 60_000);
}
