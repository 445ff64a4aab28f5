import {
  actOnClaim,
  confirmHomeSafe,
  type Database,
  payeeEntity,
  planVisit,
  recordVisit,
  submitClaim,
  TenantContext,
} from "@tandem/data";
import { noteFirstVisit } from "@tandem/data/reviews";
import type { TenantPolicy } from "@tandem/domain";
import { fixedId } from "./demo-matching.js";

/**
 * Something for the council's finance officer to see (issue 14): on the demo match, a visit recorded
 * today (a month's claims are held to the per-visit cap times the month's visits), three claims of
 * this month's mileage (no receipt needed), one waiting for the coordinator, one approved by the
 * coordinator and waiting for finance, one approved by finance and ready to pay; and the demo
 * volunteer's (fictional) payee reference in the council's finance system. Each goes through the data
 * layer's own claim and approval functions, so queues and month-end totals are what real use makes.
 */
export async function seedDemoExpenses(
  db: Database,
  tenantId: string,
  policy: TenantPolicy,
  opts: { volunteerName: string; today: string },
): Promise<void> {
  const as = (roles: ("volunteer" | "coordinator" | "finance")[], name: string) =>
    db.forTenant(
      TenantContext.fromVerifiedMembership({ personId: "demo-seed", email: "", name }, { tenantId, roles }, "seed"),
    );
  const volunteer = as(["volunteer"], opts.volunteerName);
  const coordinator = as(["coordinator"], "Demo coordinator");
  const finance = as(["finance"], "Demo finance officer");
  const volunteerId = fixedId(tenantId, 1, 1);
  const match = {
    matchId: fixedId(tenantId, 2, 1),
    referralId: "",
    volunteerId,
    stage: "active",
    activatedAt: `${opts.today}T10:00:00.000Z`,
  };
  const month = opts.today.slice(0, 7);
  const planned = await planVisit(
    volunteer,
    match,
    {
      on: opts.today,
      startsAt: "00:00",
      endsAt: "00:30",
      overnight: false,
      activity: "Baking at the community centre",
      place: "Riverford Community Centre",
      namedPerson: { name: "Sam Friend" },
    },
    policy,
    [],
    // A planned visit e-mails no one; the links are only for a visit that needs a manager's approval.
    { publicBaseUrl: "http://localhost", slug: tenantId, tenantName: tenantId },
  );
  const safe = await confirmHomeSafe(volunteer, match, planned.id, planned.version);
  // As the record route does: the match's first visit makes its informal review due where the policy asks.
  const firstVisit = await noteFirstVisit(volunteer, match.matchId, opts.today, policy);
  await recordVisit(
    volunteer,
    match,
    planned.id,
    safe.version,
    { minutes: 30, whatWeDid: "Baked scones", howItWent: "well" },
    // The note names no one, so there is no child's name to check it against.
    { firstName: "", lastName: "" },
    new Date(),
    firstVisit,
  );
  const claim = (miles: number, description: string) =>
    submitClaim(
      volunteer,
      match,
      { month, spentOn: opts.today, items: [{ kind: "mileage", description, miles }] },
      policy,
    );

  await claim(12, "Drove to the community centre and back for baking");
  const second = await claim(30, "Drove to the park and the ice-cream shop");
  await actOnClaim(coordinator, match.matchId, second.id, second.version, "approve", undefined);
  const third = await claim(8, "Drove to the library");
  const approved = await actOnClaim(coordinator, match.matchId, third.id, third.version, "approve", undefined);
  await actOnClaim(finance, match.matchId, third.id, approved.version, "approve", "Checked against the mileage log");
  await finance.transact([
    payeeEntity.put(tenantId, { volunteerId, payeeReference: "RIV-SUP-0417", version: 1 }, "any"),
  ]);
}
