import { DeskNav } from "@/components/desk/desk-nav";
import { ItemNotFoundNote } from "@/components/desk/item-not-found-note";

/** An unknown item code, or another center's (HTTP 404): the search box and the scanner stay at hand. */
export default function ItemNotFound() {
  return (
    <div className="stack" data-testid="item-not-found-page">
      <DeskNav current="item" />
      <ItemNotFoundNote />
    </div>
  );
}
