import { randomUUID } from "node:crypto";
import { todayInLondon } from "@tandem/domain/calendar";
import type { PublicLanguage, Tenant } from "@tandem/domain/tenants";
import {
  applicationFlags,
  factsFromApplication,
  STAGE_OF_PUBLIC_APPLICATION,
  type VolunteerApplication,
} from "@tandem/domain/volunteers";
import { auditOp } from "../audit.js";
import type { Expect } from "../entity.js";
import { Problem } from "../errors.js";
import { createOnce, hashRequest, idempotencyEntity } from "../idempotency.js";
import * as keys from "../keys.js";
import type { TenantLinks } from "../links.js";
import { outboxOp } from "../outbox.js";
import type { TenantTable } from "../tenant-table.js";
import { applicationAcknowledgement } from "./emails.js";
import { currentPipeline } from "./pipelines.js";
import {
  historyEntry,
  type StoredVolunteer,
  saveOps,
  unrequestedReference,
  volunteerEmailEntity,
  volunteerEntity,
  volunteerReference,
} from "./records.js";

const CLOSED_STAGES: readonly string[] = ["withdrawn", "not_approved", "ended"];

export interface VolunteerReceiptBody {
  reference: string;
  message: string;
}

/**
 * Stores an application made on the public form, once per Idempotency-Key, with the
 * acknowledgement e-mail and an item keyed by the applicant's e-mail in the same transaction:
 * a second application from the same address to the same council is refused whole.
 * The caller has validated the application against the tenant's policy and today's date.
 */
export async function submitVolunteerApplication(
  table: TenantTable,
  tenant: Tenant,
  application: VolunteerApplication,
  opts: { links: TenantLinks; idempotencyKey: string | undefined; now?: Date; language?: PublicLanguage | undefined },
): Promise<{ status: number; body: VolunteerReceiptBody; replayed: boolean }> {
  const now = opts.now ?? new Date();
  const tenantId = table.ctx.tenantId;
  const email = application.contact.email.trim().toLowerCase();
  const duplicate = () =>
    new Problem(
      "conflict",
      `An application from ${email} has already been made to ${tenant.name}. You do not need to apply again: contact the scheme${
        tenant.branding.contactEmail ? ` at ${tenant.branding.contactEmail}` : ""
      } if something has changed.`,
    );
  // One open application per e-mail: someone whose earlier record is closed (withdrawn, not
  // approved, ended) applies afresh, so new checks are not mixed with the old.
  const earlier = await volunteerEmailEntity.get(table, { email });
  let emailExpect: Expect = "absent";
  if (earlier) {
    const replay = opts.idempotencyKey
      ? await idempotencyEntity.get(table, keys.idempotency(tenantId, table.ctx.actor.personId, opts.idempotencyKey))
      : undefined;
    const previous = await volunteerEntity.get(table, { id: earlier.volunteerId });
    const closed = previous !== undefined && CLOSED_STAGES.includes(previous.stage);
    if (!replay && !closed) throw duplicate();
    if (closed) emailExpect = { version: earlier.version };
  }
  // New applicants start on the pipeline in force today and stay on it.
  const pipeline = await currentPipeline(table);
  try {
    const result = await createOnce(table, opts.idempotencyKey, hashRequest({ application }), async () => {
      const id = randomUUID();
      const reference = volunteerReference(id);
      const today = todayInLondon(now);
      const name = `${application.contact.firstName} ${application.contact.lastName}`;
      const v: StoredVolunteer = {
        id,
        reference,
        name,
        email,
        stage: STAGE_OF_PUBLIC_APPLICATION,
        stageSince: today,
        appliedAt: now.toISOString(),
        application,
        facts: factsFromApplication(application),
        flags: applicationFlags(application),
        history: [historyEntry(table, "applied", null, STAGE_OF_PUBLIC_APPLICATION, {}, now.toISOString())],
        checks: [],
        references: application.referees.map(unrequestedReference),
        training: [],
        panelRecommendation: null,
        approvedOn: null,
        approvedBy: null,
        decidedOn: null,
        decisionLetterDueBy: null,
        suspensionReason: null,
        profile: null,
        circumstances: [],
        personId: null,
        pipelineVersion: pipeline.version,
        signOffs: [],
        // Welsh only where the council offers it; anything else is answered in English (ADR 22).
        language: opts.language === "cy" && tenant.branding.welsh ? "cy" : "en",
        version: 1,
      };
      const body: VolunteerReceiptBody = {
        reference,
        message: `Thank you for applying to ${tenant.name}. We have e-mailed a copy of your reference, ${reference}, to ${email}. A coordinator will contact you ${
          pipeline.pipeline.steps[0]?.kind === "initial_visit" ? "to arrange an initial visit" : "about the next steps"
        }.`,
      };
      return {
        ops: [
          volunteerEmailEntity.put(
            tenantId,
            { volunteerId: id, version: emailExpect === "absent" ? 1 : emailExpect.version + 1 },
            emailExpect,
            { id: { email } },
          ),
          ...saveOps(tenantId, v, null),
          auditOp(table, { action: "create", subject: { type: "volunteer", id } }),
          outboxOp(
            table,
            applicationAcknowledgement(
              opts.links,
              email,
              application.contact.firstName,
              reference,
              pipeline.pipeline,
              v.language,
            ),
          ),
        ],
        response: { status: 202, body },
      };
    });
    return { status: result.status, body: result.body as VolunteerReceiptBody, replayed: result.replayed };
  } catch (e) {
    // Another application from the same e-mail landed first (absent or version refused).
    if (e instanceof Problem && (e.code === "already_exists" || e.code === "version_conflict")) throw duplicate();
    throw e;
  }
}
