import { ageOn, todayInLondon } from "@tandem/domain/calendar";
import type { Tenant } from "@tandem/domain/tenants";
import { auditRead } from "../audit.js";
import { Problem } from "../errors.js";
import type { TenantLinks } from "../links.js";
import { sameHash } from "../referrals/records.js";
import type { TenantTable } from "../tenant-table.js";
import { loadVolunteer } from "../volunteers/records.js";
import { parseMatchToken } from "./agreement-token.js";
import { type Acting, takeMatchAction } from "./lifecycle.js";
import { volunteerProfileEntity } from "./profiles.js";
import { matchEntity, type StoredMatch } from "./records.js";
import { loadMatchingSettings } from "./settings.js";

const GONE_USED =
  "This link has been used, or the match has moved on: thank you. If you need to change your answer, contact the scheme.";
const GONE_EXPIRED = "This link has expired. Contact the scheme and a coordinator will record your answer with you.";
const NOT_FOUND = "This link is not one of ours: copy the whole address from the e-mail";

/** The match behind a live link, or the refusal a person reads (404 for a made-up link, 410 for a spent one). */
async function matchOfLink(table: TenantTable, token: string, today: string): Promise<StoredMatch> {
  const parsed = parseMatchToken(token);
  if (!parsed) throw new Problem("not_found", NOT_FOUND);
  const m = await matchEntity.get(table, { matchId: parsed.matchId });
  const link = m?.agreementLink;
  if (!m || !link || !sameHash(link.tokenHash, parsed.hash)) throw new Problem("not_found", NOT_FOUND);
  if (link.usedAt !== null || m.stage !== "proposed") throw new Problem("gone", GONE_USED);
  if (link.expiresOn < today) throw new Problem("gone", GONE_EXPIRED);
  return m;
}

/**
 * What the social worker reads behind the link: the child's first name and the volunteer's pen portrait
 * (first name, age, interests, languages, where and when they can visit), never their contact details
 * or surname. Opening it does not use it up; the read is audited.
 */
export async function getAgreementForm(table: TenantTable, tenant: Tenant, token: string, now = new Date()) {
  const today = todayInLondon(now);
  const m = await matchOfLink(table, token, today);
  await auditRead(table, { action: "read", subject: { type: "match-agreement", id: m.matchId } });
  const [v, profile, settings] = await Promise.all([
    loadVolunteer(table, m.volunteerId),
    volunteerProfileEntity.get(table, { volunteerId: m.volunteerId }),
    loadMatchingSettings(table),
  ]);
  const label = (list: { id: string; label: string }[], ids: string[]) =>
    ids.flatMap((id) => list.find((x) => x.id === id)?.label ?? []);
  return {
    tenantName: tenant.name,
    referralId: m.referralId,
    childFirstName: m.child.firstName,
    volunteer: {
      firstName: m.volunteer.firstName,
      age: ageOn(v.application.contact.dateOfBirth, today),
      interests: label(settings.interestTags, profile?.interestTagIds ?? []),
      inTheirWords: v.application.background.interestsAndSkills,
      languages: profile?.languages ?? v.application.background.languages,
      areas: label(settings.areas, profile?.travelsToAreaIds ?? []),
      availability: profile?.availability ?? [],
      approvedOn: v.approvedOn,
    },
    expiresOn: m.agreementLink?.expiresOn ?? today,
  };
}

export type AgreementAnswer =
  | { agrees: true; socialWorkerName: string; childsWishes: string }
  | { agrees: false; socialWorkerName: string; reason: string };

/**
 * The social worker's answer through the link, which then stops working: an agreement moves the match
 * on; a refusal ends it as "did not proceed" (the child stays on the waiting list where they were).
 */
export async function giveAgreement(
  table: TenantTable,
  tenant: Tenant,
  links: TenantLinks,
  token: string,
  answer: AgreementAnswer,
  now = new Date(),
) {
  const today = todayInLondon(now);
  const m = await matchOfLink(table, token, today);
  const acting: Acting = {
    roles: ["coordinator"],
    by: { personId: "agreement-link", name: `${answer.socialWorkerName} (social worker, through the e-mailed link)` },
    via: "link",
  };
  if (answer.agrees) {
    await takeMatchAction(
      table,
      tenant,
      links,
      m.matchId,
      {
        action: "record_agreement",
        record: { on: today, socialWorkerName: answer.socialWorkerName, childsWishes: answer.childsWishes },
        version: m.version,
      },
      acting,
      now,
    );
    return { message: `Thank you: your agreement has reached ${tenant.name}'s Independent Visitor scheme.` };
  }
  await takeMatchAction(
    table,
    tenant,
    links,
    m.matchId,
    {
      action: "did_not_proceed",
      record: { reason: "social_worker_did_not_agree", details: answer.reason },
      version: m.version,
    },
    acting,
    now,
  );
  return { message: "Thank you: the coordinator will be in touch about another volunteer." };
}
