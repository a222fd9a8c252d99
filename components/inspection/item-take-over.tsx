"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";
import { ActionAnswer } from "@/components/station/action-answer";
import { useStationAction } from "@/components/station/use-station-action";
import { TakeOverForm } from "./take-over-form";
import { useTakeOver } from "./use-take-over";

/** On the item's page: a manager takes over the live claim someone else holds, with a reason. */
export function ItemTakeOver({ itemId, itemCode, holder }: { itemId: string; itemCode: string | null; holder: string }) {
  const t = useTranslations("inspection.queue");
  const action = useStationAction();
  const takeOver = useTakeOver(action);
  const [open, setOpen] = useState(false);
  return (
    <section className="stack" data-testid="item-takeover">
      <p className="row">
        <span>{t("claimedBy", { name: holder })}</span>
        {!open && (
          <button type="button" className="button" data-testid="takeover" onClick={() => setOpen(true)}>
            {t("takeOver")}
          </button>
        )}
      </p>
      {open && (
        <TakeOverForm
          itemCode={itemCode ?? ""}
          holder={holder}
          busy={action.busy !== null}
          onSubmit={(reason) => void takeOver({ itemId, itemCode }, reason)}
          onCancel={() => setOpen(false)}
        />
      )}
      <ActionAnswer answer={action.answer} testId="takeover-answer" />
    </section>
  );
}
