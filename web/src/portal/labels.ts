/** Words and tag colours for visits and claims as the volunteer sees them. */
import type { TagColour } from "../components";

export const VISIT_STATUS: Record<string, [string, TagColour]> = {
  awaiting_approval: ["Waiting for approval", "yellow"],
  planned: ["Planned", "blue"],
  recorded: ["Recorded", "green"],
  cancelled: ["Cancelled", "grey"],
  refused: ["Not approved", "red"],
};

export const CLAIM_STATUS: Record<string, [string, TagColour]> = {
  awaiting_prior_approval: ["Waiting for prior approval", "yellow"],
  submitted: ["Sent to your coordinator", "blue"],
  coordinator_approved: ["Approved by your coordinator", "turquoise"],
  finance_approved: ["Approved for payment", "green"],
  paid: ["Paid", "green"],
  rejected: ["Not approved", "red"],
};

export const HOW_IT_WENT = { well: "Well", mixed: "Some good, some not", difficult: "It was difficult" } as const;

export const ITEM_KINDS = {
  activity: "An activity",
  mileage: "Travel by car (miles)",
  travel: "Other travel (bus, train, taxi)",
  food: "Food and drink",
  tickets: "Tickets and entry",
} as const;
export type ItemKind = keyof typeof ITEM_KINDS;
