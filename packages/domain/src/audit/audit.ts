import * as z from "zod";

export const AuditAction = z.enum(["read", "list", "create", "update", "delete", "export"]);

/** One line of the audit trail: who did what to which record, when, in which tenant. */
export const AuditEntry = z.object({
  id: z.string(),
  tenantId: z.string(),
  at: z.string(),
  actor: z.object({ personId: z.string(), email: z.string(), name: z.string() }),
  action: AuditAction,
  subject: z.object({ type: z.string(), id: z.string() }),
  /** Names of the fields a change touched; never their values, so the trail holds no extra personal data. */
  fields: z.array(z.string()).optional(),
  requestId: z.string(),
});
export type AuditEntry = z.infer<typeof AuditEntry>;
