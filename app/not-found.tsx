import Link from "next/link";
import { getTranslations } from "next-intl/server";

/** Any address with nothing behind it (HTTP 404), in the user's language rather than the framework's English. */
export default async function NotFound() {
  const t = await getTranslations("notFoundPage");
  return (
    <main className="stack" data-testid="not-found-page">
      <h1>{t("title")}</h1>
      <p>{t("body")}</p>
      <p>
        <Link href="/" className="button">
          {t("home")}
        </Link>
      </p>
    </main>
  );
}
