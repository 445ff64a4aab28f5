import * as z from "zod";
import { IsoDate } from "../calendar/iso-date.js";

/**
 * The child's own looked-after review, which their visitor attends only when the child asks.
 * Leicestershire: "The child/young person can request that the Independent Visitor attends their LAC
 * review; they should only attend with the young person's consent"; Leicester City: "To attend
 * 'Looked-After Children' reviews ... on their request".
 */
export const LookedAfterReview = z
  .object({
    reviewOn: IsoDate,
    childAskedForVisitor: z.boolean(),
    visitorInvited: z.boolean(),
    visitorAttended: z.boolean().nullable(),
    notes: z.string().trim().max(2000, "Use 2000 characters or fewer").optional(),
  })
  .strict()
  .refine((r) => r.childAskedForVisitor || !r.visitorInvited, {
    path: ["visitorInvited"],
    message: "The visitor is invited only when the child asks for them",
  })
  .refine((r) => r.visitorInvited || r.visitorAttended !== true, {
    path: ["visitorAttended"],
    message: "The visitor can only attend once invited",
  });
export type LookedAfterReview = z.infer<typeof LookedAfterReview>;
