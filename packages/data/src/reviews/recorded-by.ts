import * as z from "zod";

/** Who recorded a step, and when: on every review, ending, supervision session and complaint. */
export const Stamp = z.object({ byName: z.string(), byPersonId: z.string(), at: z.string() });
