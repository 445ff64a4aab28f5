import * as z from "zod";
import { Problem } from "../problems/index.js";

/** A visit is planned, then recorded afterwards or cancelled; a planned visit over the limits waits for approval. */
export const VisitStatus = z.enum(["awaiting_approval", "planned", "recorded", "cancelled", "refused"]);
export type VisitStatus = z.infer<typeof VisitStatus>;

export const VisitAction = z.enum(["approve", "refuse", "record", "cancel", "confirm_home_safe"]);
export type VisitAction = z.infer<typeof VisitAction>;

const TABLE: Record<VisitStatus, Partial<Record<VisitAction, VisitStatus>>> = {
  awaiting_approval: { approve: "planned", refuse: "refused", cancel: "cancelled" },
  planned: { record: "recorded", cancel: "cancelled", confirm_home_safe: "planned" },
  recorded: { confirm_home_safe: "recorded" },
  cancelled: {},
  refused: {},
};

/** Who takes each action: the volunteer their own visits, a manager the approval of a long or overnight one. */
export const VISIT_ACTION_ROLES: Record<VisitAction, readonly ("volunteer" | "manager")[]> = {
  approve: ["manager"],
  refuse: ["manager"],
  record: ["volunteer"],
  cancel: ["volunteer"],
  confirm_home_safe: ["volunteer"],
};

export function allowedVisitActions(status: VisitStatus): VisitAction[] {
  return Object.keys(TABLE[status]) as VisitAction[];
}

/** The status after `action`, or the 409 naming what can be done now. */
export function nextVisitStatus(status: VisitStatus, action: VisitAction): VisitStatus {
  const to = TABLE[status][action];
  if (to !== undefined) return to;
  const allowed = allowedVisitActions(status);
  throw new Problem(
    "conflict",
    `A ${status.replace("_", " ")} visit cannot be ${PAST[action]}${allowed.length ? `; it can be ${allowed.map((a) => PAST[a]).join(" or ")}` : ""}`,
    { allowed },
  );
}

const PAST: Record<VisitAction, string> = {
  approve: "approved",
  refuse: "refused",
  record: "recorded",
  cancel: "cancelled",
  confirm_home_safe: "confirmed home safe",
};
