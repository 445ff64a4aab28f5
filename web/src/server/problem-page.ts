/**
 * The words of a problem page drawn without JavaScript (services/api/src/html/page-shell.ts): a post too
 * large, a post from another site, a council not found, too many tries, a dependency down. A Welsh page's
 * form posts to its address with `?lang=cy` (referral-form.ts, volunteer-form.ts), so its refusal is in
 * Welsh too. The pages' own refusals are catalogue keys (`key`); a refusal from the data layer is its
 * English message, said in Welsh as the SPA says it (the catalogue's Welsh for that exact message where it
 * has one, else for its code or status: problem-words.ts). English keeps the data layer's message, which
 * can say more (the council's phone number, say).
 */
import { type Language, type MessageKey, ruleMessage, t, useLanguage } from "../i18n";
import { problemKey } from "../problem-words";

export interface ProblemWords {
  title: string;
  message: string;
}

export type PageProblem =
  | { status: number; key: MessageKey; vars?: Readonly<Record<string, string | number>> }
  | { status: number; message: string; code?: string };

export async function problemWords(language: Language, problem: PageProblem): Promise<ProblemWords> {
  await useLanguage(language);
  const title = language === "cy" ? t("shell.problemTitle") : "Sorry, there is a problem";
  if ("key" in problem) return { title, message: t(problem.key, problem.vars) };
  if (language !== "cy") return { title, message: problem.message };
  const welsh = ruleMessage(problem.message);
  return { title, message: welsh !== problem.message ? welsh : t(problemKey(problem.code, problem.status)) };
}
