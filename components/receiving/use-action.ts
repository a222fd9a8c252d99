"use client";

import { useRef } from "react";
import { newScanId } from "@/components/http/api-fetch";

/**
 * One scan id per intended action (e.g. "confirm unit X"): a retry after a lost answer or a
 * double tap reuses it, so the server does the work once; a success frees it for a new action.
 */
export function useActionIds() {
  const ids = useRef(new Map<string, string>());
  return {
    idFor(key: string): string {
      let id = ids.current.get(key);
      if (!id) {
        id = newScanId();
        ids.current.set(key, id);
      }
      return id;
    },
    done(key: string) {
      ids.current.delete(key);
    },
  };
}
