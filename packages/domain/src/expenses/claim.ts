import * as z from "zod";
import { IsoDate, IsoMonth } from "../calendar/iso-date.js";
import type { TenantPolicy } from "../tenants/policy.js";

/** Leicester City: "refreshment costs ..., transportation costs, and reasonable entrance fees for activities". */
export const ItemKind = z.enum(["activity", "mileage", "travel", "food", "tickets"]);
export type ItemKind = z.infer<typeof ItemKind>;

const Pence = z.number().int("Enter pounds and pence, like 12.50").min(1, "Enter an amount").max(100_000);

export const ClaimItem = z
  .object({
    kind: ItemKind,
    description: z.string().trim().min(1, "Say what the item was").max(200, "Use 200 characters or fewer"),
    /** Money items; mileage is worked out from `miles` at the council's rate. */
    amountPence: Pence.optional(),
    miles: z.number().min(0.1, "Enter the miles driven").max(1000, "Enter 1000 miles or fewer").optional(),
    /** The id of a receipt uploaded for this match (`POST /api/matches/{matchId}/receipts`; receipts.ts says what is accepted). */
    receiptId: z
      .string()
      .regex(/^[A-Za-z0-9-]{1,80}$/, "Add the receipt again: that is not a receipt this service gave")
      .optional(),
  })
  .strict()
  .refine((i) => (i.kind === "mileage" ? i.miles !== undefined : i.amountPence !== undefined), {
    path: ["amountPence"],
    message: "Enter the amount (or the miles, for mileage)",
  });
export type ClaimItem = z.infer<typeof ClaimItem>;

/** Leicestershire: "a monthly expense form"; a claim is for one visit or for a month of the match. */
export const ClaimRequest = z
  .object({
    visitId: z.string().min(1).max(80).optional(),
    month: IsoMonth.optional(),
    spentOn: IsoDate,
    items: z.array(ClaimItem).min(1, "Add at least one item").max(20, "Claim 20 items or fewer at a time"),
  })
  .strict()
  .refine((c) => (c.visitId === undefined) !== (c.month === undefined), {
    path: ["visitId"],
    message: "Claim for one visit or for one month",
  });
export type ClaimRequest = z.infer<typeof ClaimRequest>;

/** An item's amount in pence: mileage at the council's rate, rounded to the nearest penny. */
export function itemPence(item: ClaimItem, mileagePencePerMile: number | null): number {
  if (item.kind !== "mileage") return item.amountPence ?? 0;
  if (mileagePencePerMile === null) return 0;
  return Math.round((item.miles ?? 0) * mileagePencePerMile);
}

/**
 * Items the policy will not take as they are: a receipt missing where Leicester City's "Claims must be
 * accompanied by receipts" applies (never for mileage, which has none), or mileage before the council
 * has entered its rate.
 */
export function itemProblems(
  items: readonly ClaimItem[],
  expenses: Pick<TenantPolicy["expenses"], "receiptsRequired" | "mileagePencePerMile">,
): { path: string; message: string }[] {
  return items.flatMap((item, i) => {
    if (item.kind === "mileage") {
      return expenses.mileagePencePerMile === null
        ? [{ path: `items.${i}.miles`, message: "Your council has not set a mileage rate yet: ask your coordinator" }]
        : [];
    }
    return expenses.receiptsRequired && !item.receiptId
      ? [{ path: `items.${i}.receiptId`, message: `Add a photo or PDF of the receipt for "${item.description}"` }]
      : [];
  });
}

export function claimTotalPence(items: readonly ClaimItem[], mileagePencePerMile: number | null): number {
  return items.reduce((sum, i) => sum + itemPence(i, mileagePencePerMile), 0);
}
