import { z } from "zod";
import { TenantId, TenantRole } from "./roles.js";

export const PersonName = z.string().trim().min(1, "Enter a name").max(120, "A name can be at most 120 characters");
export const Email = z.string().trim().toLowerCase().max(254).email("Enter an e-mail address like name@example.org");

/** A person's place in one tenant: their name and e-mail as that council knows them, and their roles. */
export const Member = z.object({
  personId: z.string(),
  tenantId: TenantId,
  name: PersonName,
  email: Email,
  roles: z.array(TenantRole).min(1),
  status: z.enum(["active", "deactivated"]),
  version: z.number().int().min(1),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Member = z.infer<typeof Member>;
