import type { Metadata, Viewport } from "next";
import { NextIntlClientProvider } from "next-intl";
import { getLocale } from "next-intl/server";
import type { ReactNode } from "react";
import { ServiceWorker } from "@/components/offline/service-worker";
import { Providers } from "@/components/providers";
import { env } from "@/lib/env";
import "./globals.css";

export const metadata: Metadata = {
  title: "Legit",
  description: "Inspection center and warehouse operations",
  icons: { icon: "/icon.svg" },
  manifest: "/manifest.webmanifest",
};
export const viewport: Viewport = { width: "device-width", initialScale: 1 };

export default async function RootLayout({ children }: { children: ReactNode }) {
  const locale = await getLocale();
  return (
    <html lang={locale}>
      <body>
        <NextIntlClientProvider>
          <ServiceWorker enabled={env.NODE_ENV === "production"}>
            <Providers>{children}</Providers>
          </ServiceWorker>
        </NextIntlClientProvider>
      </body>
    </html>
  );
}
