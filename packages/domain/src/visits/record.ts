import * as z from "zod";
import { CancellationReason } from "../tenants/policy.js";

const Notes = (what: string) => z.string().trim().min(1, `Enter ${what}`).max(2000, "Use 2000 characters or fewer");

/** Leicester City: "a quality written record of the visit". Written afterwards by the volunteer. */
export const VisitRecord = z
  .object({
    minutes: z
      .number()
      .int()
      .min(15, "A visit lasts at least 15 minutes")
      .max(48 * 60, "Enter 48 hours or less"),
    whatWeDid: Notes("what you did"),
    howItWent: z.enum(["well", "mixed", "difficult"]),
    notes: z.string().trim().max(2000, "Use 2000 characters or fewer").optional(),
    /** The child's own words, only when they want them passed on. */
    childsWords: z.string().trim().max(2000, "Use 2000 characters or fewer").optional(),
  })
  .strict();
export type VisitRecord = z.infer<typeof VisitRecord>;

export const VisitCancellation = z
  .object({
    reason: CancellationReason,
    details: z.string().trim().max(500, "Use 500 characters or fewer").optional(),
  })
  .strict();
export type VisitCancellation = z.infer<typeof VisitCancellation>;

export const CANCELLATION_WORDS: Record<CancellationReason, string> = {
  child_unwell: "the child is unwell",
  volunteer_unwell: "the volunteer is unwell",
  unsafe: "it is unsafe to visit",
  child_unavailable: "the child cannot make it",
  volunteer_unavailable: "the volunteer cannot make it",
};

/**
 * Northamptonshire: visits "will only be cancelled if the child or young person, or the Independent
 * Visitor, is unwell or it is deemed unsafe". The policy lists the reasons a council accepts.
 */
export function cancellationProblem(reason: CancellationReason, allowed: readonly CancellationReason[]): string | null {
  if (allowed.includes(reason)) return null;
  return `This scheme cancels visits only when ${allowed.map((r) => CANCELLATION_WORDS[r]).join(", or ")}`;
}

export interface ChildName {
  firstName: string;
  lastName: string;
}

export interface NameFlag {
  field: string;
  reason: string;
}

const fold = (s: string) => s.normalize("NFD").replace(/\p{M}/gu, "").toLowerCase();

/**
 * Leicestershire: "the child's name should not be identified within this as this record will not be
 * stored on the child's file and if emailed will not be secure". Each note that contains the child's
 * first or last name, as a whole word and whatever its case or accents, is flagged before saving.
 */
export function childNameFlags(fields: Record<string, string | undefined>, child: ChildName): NameFlag[] {
  const names = [child.firstName, child.lastName].flatMap((n) => fold(n).split(/[\s-]+/)).filter((n) => n.length > 1);
  const flags: NameFlag[] = [];
  for (const [field, text] of Object.entries(fields)) {
    if (!text) continue;
    const words = new Set(
      fold(text)
        .split(/[^\p{L}']+/u)
        .map((w) => w.replace(/'s$/, "")),
    );
    const found = names.find((n) => words.has(n));
    if (found) {
      flags.push({
        field,
        reason:
          "This note names the child. Visit records are not kept on the child's file and may be e-mailed, so write 'the young person' instead",
      });
    }
  }
  return flags;
}
