import { importVolunteerOps, type StoredVolunteer, type TenantTable, volunteerReference } from "@tandem/data";
import {
  addDays,
  addMonths,
  type DocumentCheck,
  exampleVolunteerApplication,
  factsFromApplication,
  requiredChecks,
  type TenantPolicy,
  todayInLondon,
} from "@tandem/domain";

/**
 * Each demo council's volunteer user (volunteer@<council>.example) is an approved volunteer whose
 * record is linked to their sign-in, as approval leaves it: their portal shows a certificate, their
 * training and their checks from the first sign-in. Approved three months ago, on checks done a month
 * before; the people are fictional.
 */
export function demoVolunteerRecord(
  user: { email: string; name: string; personId: string },
  tenantId: string,
  policy: TenantPolicy,
  now = new Date(),
): StoredVolunteer {
  const today = todayInLondon(now);
  const approvedOn = addMonths(today, -3);
  const checkedOn = addMonths(today, -4);
  const [firstName = user.name, ...rest] = user.name.split(" ");
  const application = exampleVolunteerApplication();
  application.contact = { ...application.contact, firstName, lastName: rest.join(" ") || firstName, email: user.email };
  application.background.drives = false;
  const facts = factsFromApplication(application);
  const checks = requiredChecks(facts, policy).flatMap((kind): DocumentCheck[] => {
    const passed = { status: "passed" as const, requestedOn: addDays(checkedOn, -14), completedOn: checkedOn };
    if (kind === "references") return [];
    if (kind === "enhanced_dbs") return [{ kind, ...passed, certificateNumber: "001234567890", issuedOn: checkedOn }];
    if (kind === "local_authority" || kind === "medical_declaration") return [{ kind, ...passed }];
    return [{ kind, ...passed }];
  });
  // A deterministic id per council, so a restart or a test finds the same record.
  const id = `${Buffer.from(tenantId).toString("hex").padEnd(8, "0").slice(0, 8)}-0000-4000-8000-000000000001`;
  const by = { personId: "demo-seed", name: "Demo data" };
  return {
    id,
    reference: volunteerReference(id),
    name: user.name,
    email: user.email,
    stage: "approved",
    stageSince: approvedOn,
    appliedAt: `${addMonths(today, -6)}T10:00:00.000Z`,
    application,
    facts,
    flags: [],
    history: [
      { at: `${approvedOn}T12:00:00.000Z`, action: "approve", by, from: "manager_decision", to: "approved" },
      { at: `${approvedOn}T12:00:00.000Z`, action: "linked_to_account", by, from: "approved", to: "approved" },
    ],
    checks,
    references: application.referees.map((r) => ({
      refereeName: r.name,
      refereeEmail: r.email,
      isProfessional: r.isProfessional,
      status: "passed",
      requestedOn: addDays(checkedOn, -14),
      tokenHash: null,
      linkExpiresOn: null,
      completedOn: addDays(checkedOn, -7),
      confirmedByPhoneOn: addDays(checkedOn, -6),
      phoneNote: null,
      answers: null,
    })),
    training: policy.volunteers.training.map((t) => ({ code: t.code, completedOn: addDays(approvedOn, -7) })),
    panelRecommendation: "approve",
    approvedOn,
    approvedBy: { name: "Demo data" },
    decidedOn: approvedOn,
    decisionLetterDueBy: addDays(approvedOn, 5),
    suspensionReason: null,
    profile: {
      interests: ["chess", "hill walking", "baking", "football"],
      languages: ["English", "Yoruba"],
      postcodeDistrict: "RF2",
      travelMiles: 10,
      capacity: 2,
    },
    circumstances: [],
    personId: user.personId,
    pipelineVersion: 0,
    signOffs: [],
    version: 1,
  };
}

export async function seedDemoVolunteer(
  table: TenantTable,
  user: { email: string; name: string; personId: string },
  policy: TenantPolicy,
): Promise<void> {
  await table.transact(importVolunteerOps(table, demoVolunteerRecord(user, table.ctx.tenantId, policy)));
}
