import { BinNotFoundNote } from "@/components/storage/bin-not-found-note";

/** An unknown bin code, or another center's (HTTP 404): said in the user's language; the scanner stays at hand. */
export default function BinNotFound() {
  return <BinNotFoundNote />;
}
