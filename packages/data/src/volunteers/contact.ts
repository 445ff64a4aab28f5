import { PublicLanguage } from "@tandem/domain/tenants";
import * as z from "zod";
import { defineEntity } from "../entity.js";
import { Problem } from "../errors.js";
import * as keys from "../keys.js";
import type { TenantTable } from "../tenant-table.js";

/**
 * What visits, claims and finance read of a volunteer: who they are and how to write to them. The same
 * item as `volunteerEntity` (records.ts), read through a schema of these fields only, so a function that
 * never reads an application, a check or a reference does not carry (and build at load) their schemas.
 * The fields are declared as in `StoredVolunteer`; a test reads one stored volunteer through both.
 */
export const VolunteerContact = z.object({
  id: z.string(),
  reference: z.string(),
  name: z.string(),
  email: z.string(),
  personId: z.string().nullable(),
  language: PublicLanguage.default("en"),
  /** Where they are in recruitment: only an approved volunteer plans, records and claims (`volunteerStandingRefusal`). */
  stage: z.string(),
});
export type VolunteerContact = z.output<typeof VolunteerContact>;

/** Read only: written whole through `volunteerEntity`, never through this view. */
export const volunteerContactEntity = defineEntity({
  type: "volunteer",
  schema: VolunteerContact,
  key: (tenantId, v: { id: string }) => keys.volunteer(tenantId, v.id),
});

/**
 * Narrower still: whom a feedback request or an ending e-mails, and in which language (ADR 22). The reviews and
 * endings functions need no more of the volunteer than these two fields, and read no more, as before this view
 * moved here from reviews/contacts.ts. Picked from `VolunteerContact`, so the two views of a volunteer's contact
 * declare each stored field once and a rename in `StoredVolunteer` is made in one place. Read only, like
 * `volunteerContactEntity`.
 */
export const VolunteerEmailContact = VolunteerContact.pick({ email: true, language: true });
export type VolunteerEmailContact = z.output<typeof VolunteerEmailContact>;

const volunteerEmailContactEntity = defineEntity({
  type: "volunteer",
  schema: VolunteerEmailContact,
  key: (tenantId, v: { id: string }) => keys.volunteer(tenantId, v.id),
});

/** One application per e-mail per council: written with the application, so a second is refused. */
export const volunteerEmailEntity = defineEntity({
  type: "volunteer-email",
  schema: z.object({ volunteerId: z.string(), version: z.number().int() }),
  key: (tenantId, applicant: { email: string }) => keys.volunteerEmail(tenantId, applicant.email),
});

/**
 * The signed-in volunteer's own record, read by `load` (the whole record, or only its contact): found
 * through the e-mail they applied with, which must be the verified e-mail of their sign-in. No id is taken
 * from the request, so nobody can reach another volunteer's record this way.
 */
export async function findMyVolunteer<T extends { personId: string | null }>(
  table: TenantTable,
  load: (id: string) => Promise<T>,
): Promise<T> {
  const email = table.ctx.actor.email.trim().toLowerCase();
  const link = email ? await volunteerEmailEntity.get(table, { email }) : undefined;
  const notFound = () =>
    new Problem("not_found", "There is no volunteer record for your account in this council: contact your coordinator");
  if (!link) throw notFound();
  const v = await load(link.volunteerId);
  if (v.personId !== null && v.personId !== table.ctx.actor.personId) throw notFound();
  return v;
}

const noSuchVolunteer = () => new Problem("not_found", "There is no volunteer with that id in this council");

/** A volunteer's contact by id, or 404 (the same refusal as `loadVolunteer`'s). */
export async function loadVolunteerContact(table: TenantTable, id: string): Promise<VolunteerContact> {
  const v = await volunteerContactEntity.get(table, { id });
  if (!v) throw noSuchVolunteer();
  return v;
}

/** A volunteer's e-mail address and language by id, or the same 404. */
export async function loadVolunteerEmailContact(table: TenantTable, id: string): Promise<VolunteerEmailContact> {
  const v = await volunteerEmailContactEntity.get(table, { id });
  if (!v) throw noSuchVolunteer();
  return v;
}

/** The signed-in volunteer's contact (their id for their own matches, visits and claims). */
export const myVolunteerContact = (table: TenantTable): Promise<VolunteerContact> =>
  findMyVolunteer(table, (id) => loadVolunteerContact(table, id));
