import * as z from "zod";

/** One e-mail to send. E-mail is not a secure channel: callers put no child's personal data in it. */
export const OutgoingEmail = z.object({
  to: z.array(z.string().email()).min(1).max(50),
  subject: z.string().min(1).max(200),
  text: z.string().max(100_000),
});
export type OutgoingEmail = z.infer<typeof OutgoingEmail>;
