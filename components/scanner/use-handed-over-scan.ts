"use client";

import { useRouter, useSearchParams } from "next/navigation";
import { useEffect, useRef } from "react";
import { useScanner } from "./scanner-provider";

/**
 * A code scanned on another page and sent here as `?scan=…` (a parcel scanned on the home page, an
 * item label on the inspection screen) is submitted once to this page's scanner, as if scanned here.
 * With `clearTo`, the address loses the code first (a reload then does not scan it again).
 */
export function useHandedOverScan(clearTo?: string) {
  const searchParams = useSearchParams();
  const router = useRouter();
  const { submit } = useScanner();
  const handedOver = useRef(false);
  useEffect(() => {
    const code = searchParams.get("scan");
    if (!code || handedOver.current) return;
    handedOver.current = true;
    if (clearTo) router.replace(clearTo);
    submit(code);
  }, [searchParams, router, submit, clearTo]);
}
