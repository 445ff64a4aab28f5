import { actOnClaim, type Database, payeeEntity, submitClaim, TenantContext } from "@tandem/data";
import type { TenantPolicy } from "@tandem/domain";
import { fixedId } from "./demo-matching.js";

/**
 * Something for the council's finance officer to see (issue 14): on the demo match, three claims of
 * this month's mileage (no receipt needed), each approved in advance by the coordinator (the demo match
 * has no visit recorded, so a month's claim is over its "£40 per visit" allowance; the portal's own
 * journey records the first visit), one waiting for the coordinator, one approved by the
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
  const claim = async (miles: number, description: string) => {
    const asked = await submitClaim(
      volunteer,
      match,
      { month, spentOn: opts.today, items: [{ kind: "mileage", description, miles }], requestApproval: true },
      policy,
    );
    return asked.status === "awaiting_prior_approval"
      ? actOnClaim(coordinator, match.matchId, asked.id, asked.version, "approve", "Agreed in advance")
      : asked;
  };

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
