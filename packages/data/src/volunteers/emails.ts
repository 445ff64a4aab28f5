import { displayDayAndDate } from "@tandem/domain/calendar";
import type { PublicLanguage } from "@tandem/domain/tenants";
import {
  CHECK_LABELS,
  type CheckKind,
  type PipelineStepKind,
  type RecruitmentPipeline,
} from "@tandem/domain/volunteers";
import { bilingualEmail } from "../bilingual-email.js";
import type { TenantLinks } from "../links.js";
import type { OutgoingEmail } from "../outgoing-email.js";

/**
 * Every e-mail volunteer recruitment sends. E-mail is not a secure channel: none carries a check's
 * outcome, a disclosure or a reference's answers, only references, dates and single-use links.
 */

const signOff = (l: TenantLinks, language: PublicLanguage = "en") =>
  language === "cy"
    ? `\n\nCynllun Ymwelwyr Annibynnol ${l.tenantName}, drwy Tandem`
    : `\n\n${l.tenantName} Independent Visitor scheme, through Tandem`;

/** The referee's page, in the language the volunteer applied in: a Welsh applicant's referees are asked in Welsh (ADR 22). */
export function referenceLink(l: TenantLinks, token: string, language: PublicLanguage = "en"): string {
  return `${l.publicBaseUrl}/${l.slug}/reference/${token}${language === "cy" ? "?lang=cy" : ""}`;
}

/** The steps ahead in Welsh, as `stepsAhead` says them in English. */
function stepsAheadInWelsh(p: RecruitmentPipeline): string {
  const words: Record<PipelineStepKind, string | null> = {
    initial_visit: "ymweliad cyntaf",
    interview: "cyfweliad",
    checks: "y gwiriadau (gan gynnwys gwiriad DBS manwl)",
    checks_cleared: null,
    references: "eich geirdaon",
    training: "hyfforddiant",
    assessment: "asesiad",
    panel: "y panel cymeradwyo",
  };
  const steps = p.steps.flatMap((s) => words[s.kind] ?? []);
  // The sign-off titles are the council's own words, shown as it writes them.
  const titles = p.signOffs.map((s) => s.title);
  const signed = `y penderfyniad, wedi'i gymeradwyo gan ${titles.length > 1 ? `${titles.slice(0, -1).join(", ")} a ${titles.at(-1)}` : titles[0]}`;
  return [...steps, signed].join(", yna ");
}

/** The steps ahead in the words an applicant knows, from the pipeline they start on. */
export function stepsAhead(p: RecruitmentPipeline): string {
  const words: Record<PipelineStepKind, string | null> = {
    initial_visit: "an initial visit",
    interview: "an interview",
    checks: "the checks (including an enhanced DBS check)",
    checks_cleared: null,
    references: "your references",
    training: "training",
    assessment: "an assessment",
    panel: "the approval panel",
  };
  const steps = p.steps.flatMap((s) => words[s.kind] ?? []);
  const titles = p.signOffs.map((s) => `the ${s.title}`);
  const signed = `the decision, signed off by ${titles.length > 1 ? `${titles.slice(0, -1).join(", ")} and ${titles.at(-1)}` : titles[0]}`;
  return [...steps, signed].join(", then ");
}

export function applicationAcknowledgement(
  l: TenantLinks,
  to: string,
  name: string,
  reference: string,
  pipeline: RecruitmentPipeline,
  language: PublicLanguage = "en",
): OutgoingEmail {
  if (language === "cy") {
    return {
      to: [to],
      subject: `Eich cais i fod yn Ymwelydd Annibynnol (${reference})`,
      text:
        [
          `Annwyl ${name},`,
          "",
          `Diolch am wneud cais i fod yn Ymwelydd Annibynnol gyda ${l.tenantName}. Eich cyfeirnod yw ${reference}.`,
          "",
          `Bydd cydlynydd yn cysylltu â chi am y camau nesaf: ${stepsAheadInWelsh(pipeline)}. Byddwn yn rhoi gwybod i chi ym mhob cam.`,
          "",
          "Os na wnaethoch chi gais, rhowch wybod i ni drwy ateb i gyfeiriad cyswllt y cynllun.",
        ].join("\n") + signOff(l, "cy"),
    };
  }
  return {
    to: [to],
    subject: `Your application to be an Independent Visitor (${reference})`,
    text:
      [
        `Dear ${name},`,
        "",
        `Thank you for applying to be an Independent Visitor with ${l.tenantName}. Your reference is ${reference}.`,
        "",
        `A coordinator will contact you about the next steps: ${stepsAhead(pipeline)}. We will keep you informed at each step.`,
        "",
        "If you did not apply, please tell us by replying to the scheme's contact address.",
      ].join("\n") + signOff(l),
  };
}

/**
 * We do not know a referee's own language; they are written to in the language the volunteer applied
 * in, which a Welsh council's applicant chose for the people around them too.
 */
export function referenceRequestEmail(
  l: TenantLinks,
  to: string,
  refereeName: string,
  applicantName: string,
  token: string,
  expiresOn: string,
  language: PublicLanguage = "en",
): OutgoingEmail {
  if (language === "cy") {
    return {
      to: [to],
      subject: `Cais am eirda: mae ${applicantName} wedi gwneud cais i fod yn Ymwelydd Annibynnol`,
      text:
        [
          `Annwyl ${refereeName},`,
          "",
          `Mae ${applicantName} wedi gwneud cais i wirfoddoli fel Ymwelydd Annibynnol gyda ${l.tenantName}, i fod yn ffrind i blentyn neu berson ifanc sy'n derbyn gofal, ac wedi rhoi eich enw fel canolwr.`,
          "",
          "Rhowch eich geirda ar y dudalen ddiogel hon (mae'n gweithio unwaith):",
          referenceLink(l, token, "cy"),
          "",
          `Mae'r ddolen yn gweithio hyd at y dyddiad hwn: ${displayDayAndDate(expiresOn, "cy")}. Efallai y bydd cydlynydd yn eich ffonio wedyn i gadarnhau eich geirda.`,
        ].join("\n") + signOff(l, "cy"),
    };
  }
  return {
    to: [to],
    subject: `Reference request: ${applicantName} has applied to be an Independent Visitor`,
    text:
      [
        `Dear ${refereeName},`,
        "",
        `${applicantName} has applied to volunteer as an Independent Visitor with ${l.tenantName}, befriending a child or young person in care, and has named you as a referee.`,
        "",
        "Please give your reference on this secure page (it works once):",
        referenceLink(l, token),
        "",
        `The link works until ${displayDayAndDate(expiresOn)}. A coordinator may phone you afterwards to confirm your reference.`,
      ].join("\n") + signOff(l),
  };
}

export function referenceReminderEmail(
  l: TenantLinks,
  to: string,
  refereeName: string,
  applicantName: string,
  expiresOn: string,
  language: PublicLanguage = "en",
): OutgoingEmail {
  if (language === "cy") {
    return {
      to: [to],
      subject: `Nodyn atgoffa: geirda ar gyfer ${applicantName}`,
      text:
        [
          `Annwyl ${refereeName},`,
          "",
          `Rydym yn dal i aros am eich geirda ar gyfer ${applicantName}, sydd wedi gwneud cais i fod yn Ymwelydd Annibynnol gyda ${l.tenantName}.`,
          "",
          `Defnyddiwch y ddolen yn yr e-bost a anfonwyd atoch yn gynharach; mae'n gweithio hyd at y dyddiad hwn: ${displayDayAndDate(expiresOn, "cy")}. Os na allwch ddod o hyd iddi, atebwch y neges hon a bydd cydlynydd yn anfon un newydd.`,
        ].join("\n") + signOff(l, "cy"),
    };
  }
  return {
    to: [to],
    subject: `Reminder: reference for ${applicantName}`,
    text:
      [
        `Dear ${refereeName},`,
        "",
        `We are still waiting for your reference for ${applicantName}, who has applied to be an Independent Visitor with ${l.tenantName}.`,
        "",
        `Please use the link in our earlier e-mail; it works until ${displayDayAndDate(expiresOn)}. If you cannot find it, reply and a coordinator will send a new one.`,
      ].join("\n") + signOff(l),
  };
}

function welshDecision(
  l: TenantLinks,
  outcome: "approved" | "not_approved",
  reason: string | null,
  signedOffBy: readonly string[],
): { subject: string; body: string[] } {
  if (outcome === "approved")
    return {
      subject: "Mae eich cais i fod yn Ymwelydd Annibynnol wedi'i gymeradwyo",
      body: [
        `Mae'n bleser mawr gennym ddweud wrthych eich bod wedi cael eich cymeradwyo fel Ymwelydd Annibynnol gyda ${l.tenantName}.`,
        ...(signedOffBy.length > 0
          ? ["", `Cafodd eich cymeradwyaeth ei llofnodi gan: ${signedOffBy.join("; ")}.`]
          : []),
        "",
        // The volunteer portal is a staff-side tool and stays English (ADR 22): say so rather than surprise them.
        "Mae eich tystysgrif cymeradwyo ar eich tudalen gwirfoddolwr yn Tandem (sydd yn Saesneg ar hyn o bryd), gyda dyddiadau eich hyfforddiant a'ch gwiriadau. Os nad ydych yn mewngofnodi i Tandem eto, rydym wedi anfon e-bost ar wahân atoch gyda dolen i drefnu eich mewngofnodi. Bydd eich cydlynydd yn cysylltu â chi am hyfforddiant ac am gael eich paru â phlentyn neu berson ifanc.",
      ],
    };
  return {
    subject: "Canlyniad eich cais i fod yn Ymwelydd Annibynnol",
    body: [
      `Diolch am wneud cais i fod yn Ymwelydd Annibynnol gyda ${l.tenantName}. Mae'n ddrwg gennym ddweud wrthych na fydd eich cais yn mynd yn ei flaen.`,
      // The coordinator writes the reason, in whichever language they wrote it.
      ...(reason ? ["", `Y rheswm a gofnodwyd: ${reason}`] : []),
      "",
      "Os hoffech drafod y penderfyniad hwn, cysylltwch â chydlynydd y cynllun.",
    ],
  };
}

export function decisionEmail(
  l: TenantLinks,
  to: string,
  name: string,
  outcome: "approved" | "not_approved",
  reason: string | null,
  signedOffBy: readonly string[] = [],
  language: PublicLanguage = "en",
): OutgoingEmail {
  if (language === "cy") {
    const w = welshDecision(l, outcome, reason, signedOffBy);
    return { to: [to], subject: w.subject, text: [`Annwyl ${name},`, "", ...w.body].join("\n") + signOff(l, "cy") };
  }
  const body =
    outcome === "approved"
      ? [
          `We are delighted to tell you that you have been approved as an Independent Visitor with ${l.tenantName}.`,
          ...(signedOffBy.length > 0 ? ["", `Your approval was signed off by: ${signedOffBy.join("; ")}.`] : []),
          "",
          "Your certificate of approval is on your volunteer page in Tandem, with your training and check dates. If you do not sign in to Tandem yet, we have sent you a separate e-mail with a link to set up your sign-in. Your coordinator will be in touch about training and about being matched with a young person.",
        ]
      : [
          `Thank you for applying to be an Independent Visitor with ${l.tenantName}. We are sorry to tell you that your application will not go ahead.`,
          ...(reason ? ["", `The reason recorded: ${reason}`] : []),
          "",
          "If you would like to talk about this decision, please contact the scheme's coordinator.",
        ];
  return {
    to: [to],
    subject:
      outcome === "approved"
        ? `Your application to be an Independent Visitor has been approved`
        : `The outcome of your application to be an Independent Visitor`,
    text: [`Dear ${name},`, "", ...body].join("\n") + signOff(l),
  };
}

/** The checks in Welsh, as `CHECK_LABELS` names them in English. */
// WELSH-CHECK: new Welsh for issue 18, not yet read by a Welsh speaker (ADR 22, "Welsh to check").
const CHECK_LABELS_CY: Readonly<Record<CheckKind, string>> = {
  enhanced_dbs: "gwiriad DBS manwl",
  local_authority: "gwiriad yr awdurdod lleol",
  right_to_work: "gwiriad hawl i weithio",
  medical_declaration: "datganiad meddygol",
  driving_licence: "trwydded yrru",
  car_insurance: "yswiriant car",
  mot: "tystysgrif MOT",
  references: "geirdaon",
};

/**
 * A check about to run out, to the volunteer and the coordinators in one e-mail: at a council that
 * offers Welsh it is in Welsh and English, Welsh first (ADR 22).
 */
export function checkExpiringEmail(
  l: TenantLinks,
  to: string[],
  volunteerName: string,
  kind: CheckKind,
  validUntil: string,
): OutgoingEmail {
  const label = CHECK_LABELS[kind];
  const english = {
    subject: `Renewal due: ${label} for ${volunteerName}`,
    text:
      [
        `The ${label} for ${volunteerName} runs out after ${displayDayAndDate(validUntil)}.`,
        "",
        "Please arrange a renewal before then: an expired check stops new matches.",
      ].join("\n") + signOff(l),
  };
  if (!l.offersWelsh) return { to, ...english };
  // WELSH-CHECK: new Welsh for issue 18, not yet read by a Welsh speaker (ADR 22, "Welsh to check").
  // The check is named after a colon, so it needs no mutation.
  const welsh = {
    subject: `Angen adnewyddu ar gyfer ${volunteerName}: ${CHECK_LABELS_CY[kind]}`,
    text:
      [
        `Mae angen adnewyddu hwn ar gyfer ${volunteerName}: ${CHECK_LABELS_CY[kind]}. Mae'n ddilys hyd at y dyddiad hwn: ${displayDayAndDate(validUntil, "cy")}.`,
        "",
        "Trefnwch ei adnewyddu cyn hynny: mae gwiriad sydd wedi dod i ben yn atal paru newydd.",
      ].join("\n") + signOff(l, "cy"),
  };
  return bilingualEmail(to, welsh, english);
}

export function signOffAwaitedEmail(
  l: TenantLinks,
  to: string[],
  v: { name: string; reference: string; signOffs: readonly { title: string }[] },
  nextTitle: string,
  total: number,
): OutgoingEmail {
  return {
    to,
    subject: `Sign-off awaited: ${v.name} (${v.reference})`,
    text:
      [
        `${v.name} (${v.reference}) has ${v.signOffs.length} of the ${total} sign-offs an approval needs (${v.signOffs.map((s) => s.title).join(", ")}).`,
        "",
        `The ${nextTitle}'s sign-off is next, from someone who has not signed already. Sign in to Tandem to give it or to decline.`,
      ].join("\n") + signOff(l),
  };
}

export function circumstancesEmail(
  l: TenantLinks,
  to: string[],
  volunteerName: string,
  reference: string,
): OutgoingEmail {
  return {
    to,
    subject: `Change of circumstances reported by ${volunteerName} (${reference})`,
    text:
      [
        `${volunteerName} (${reference}) has reported a change of circumstances in Tandem.`,
        "",
        "Sign in to read it on their record and decide whether they should be suspended while it is looked into.",
      ].join("\n") + signOff(l),
  };
}
