import * as z from "zod";
import { IsoDate } from "../calendar/iso-date.js";
import type { TenantRole } from "../people/roles.js";
import type { RecruitmentPipeline, SignOff } from "./pipeline-policy.js";

/** A sign-off given: which of the pipeline's sign-offs, by whom and when. */
export const GivenSignOff = z
  .object({
    title: z.string(),
    by: z.object({ personId: z.string(), name: z.string() }),
    on: IsoDate,
    notes: z.string().optional(),
  })
  .strict();
export type GivenSignOff = z.infer<typeof GivenSignOff>;

export type NextSignOff =
  | { ok: true; signOff: SignOff; last: boolean }
  | { ok: false; refusal: "conflict" | "forbidden"; message: string };

/**
 * Whether this person may give the next sign-off. Sign-offs are given in the pipeline's order,
 * each by a different person (Leicester City's Team Manager and Service Manager are two people
 * even when Tandem gives both the manager role).
 */
export function nextSignOff(
  pipeline: RecruitmentPipeline,
  given: readonly GivenSignOff[],
  person: { personId: string; roles: readonly TenantRole[] },
): NextSignOff {
  const signOff = pipeline.signOffs[given.length];
  if (signOff === undefined) {
    return { ok: false, refusal: "conflict", message: "Every sign-off has been given already" };
  }
  const mine = given.find((g) => g.by.personId === person.personId);
  if (mine) {
    return {
      ok: false,
      refusal: "conflict",
      message: `You have already signed off this volunteer (${mine.title}); the ${signOff.title} sign-off must come from a different person`,
    };
  }
  if (!signOff.by.some((r) => person.roles.includes(r))) {
    return {
      ok: false,
      refusal: "forbidden",
      message: `The next sign-off is the ${signOff.title}'s, given by someone with the role ${signOff.by.join(" or ")}`,
    };
  }
  return { ok: true, signOff, last: given.length === pipeline.signOffs.length - 1 };
}
