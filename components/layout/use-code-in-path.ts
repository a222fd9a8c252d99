"use client";

import { usePathname } from "next/navigation";

/** The code an address asks for (its last segment, decoded; a malformed escape shown as it was typed), for the "not found" notes. */
export function useCodeInPath(): string {
  const last = usePathname().split("/").pop() ?? "";
  try {
    return decodeURIComponent(last);
  } catch {
    return last;
  }
}
