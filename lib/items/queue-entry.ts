import type { ItemAction } from "./transitions";

/**
 * Actions that put an item into a queue the manager's desk watches for its age (passed → dispatched,
 * held for the buyer, awaiting putaway). `applyTransition` stamps `items.queue_entered_at` on each.
 */
export const queueEntryActions = ["pass", "sell", "hold", "route_storage"] as const satisfies readonly ItemAction[];

export const entersQueue = (action: ItemAction): boolean => (queueEntryActions as readonly ItemAction[]).includes(action);
