import { existsSync, mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { launch } from "chrome-launcher";
import lighthouse from "lighthouse";
import { answers } from "./referrals.js";
import { atMost, type Row, rowsTable } from "./stats.js";

/** Debian's Chromium, as the browser tests use (`E2E_CHROMIUM` or `CHROME_PATH` to point elsewhere). */
const CHROMIUM = process.env.E2E_CHROMIUM ?? process.env.CHROME_PATH ?? "/usr/bin/chromium";

export const LIGHTHOUSE_TARGETS = { performance: 95, accessibility: 100 } as const;

/**
 * The three public pages a referrer meets: the council's start page, the first question page and
 * check your answers. Check your answers holds the answers of one tab's visit (in memory only), so
 * a fresh load of its address has none and goes back to the start page; the bench opens it the way
 * a referrer does in a fresh tab, from the link of a saved draft (`resume/{token}`) whose answers
 * are complete: the SPA reads the draft, checks every page's answers and shows check your answers
 * filled in. The run fails if it lands anywhere else.
 */
export const LIGHTHOUSE_PAGES = [
  { name: "referral start page", path: "/riverford/refer" },
  { name: "first question page", path: "/riverford/refer/child" },
  { name: "check your answers", path: "/riverford/refer/check", fromDraft: true },
] as const;

/** Where the saved draft's e-mail goes (a fictional address on the council's own domain). */
const DRAFT_EMAIL = "lighthouse.bench@riverford.gov.example";

/** The bench's complete referral as the form's pages hold it: one typed string per question ("child.firstName"). */
export function draftAnswersOf(value: unknown, prefix = "", out: Record<string, string> = {}): Record<string, string> {
  if (value && typeof value === "object") {
    for (const [k, v] of Object.entries(value)) draftAnswersOf(v, prefix ? `${prefix}.${k}` : k, out);
  } else if (typeof value === "boolean") out[prefix] = value ? "yes" : "no";
  else if (value !== undefined && value !== null) out[prefix] = String(value);
  return out;
}

/** Saves a complete draft through the public API and reads its resume link from the SES emulator's mailbox. */
async function draftResumePath(stack: { baseUrl: string; mailboxUrl: string }): Promise<string> {
  const res = await fetch(`${stack.baseUrl}/api/public/tenants/riverford/referral-drafts`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({
      email: DRAFT_EMAIL,
      kind: "professional",
      answers: draftAnswersOf(answers(DRAFT_EMAIL)),
      language: "en",
    }),
  });
  if (res.status !== 201) throw new Error(`Saving the draft answered ${res.status}: ${await res.text()}`);
  // The relay reads the table's stream, which holds every item the earlier sections wrote (tens of thousands
  // in a full run), not only e-mails; it keeps pace with them, but a busy machine may leave it a few seconds behind.
  const deadline = Date.now() + 180_000;
  while (Date.now() < deadline) {
    const mail = (await (await fetch(`${stack.mailboxUrl}/store`)).json()) as {
      emails: { destination: { to: string[] }; body: { text?: string; html?: string } }[];
    };
    for (const m of mail.emails.filter((e) => e.destination.to.includes(DRAFT_EMAIL)).reverse()) {
      const link = /\/riverford\/refer\/resume\/[A-Za-z0-9._-]+/.exec(`${m.body.text ?? ""} ${m.body.html ?? ""}`);
      if (link) return link[0];
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`No e-mail with a resume link reached ${DRAFT_EMAIL} within 180 s`);
}

/** The fields of a trace event the CPU-time figure reads (Lighthouse's own type leaves `tdur` out). */
interface TimedEvent {
  name: string;
  ph: string;
  pid: number;
  tid: number;
  ts: number;
  dur?: number;
  tdur?: number;
}

/** Lighthouse's simulated mobile CPU (its default `cpuSlowdownMultiplier`) and TBT's threshold. */
const CPU_SLOWDOWN = 4;
const BLOCKING_AFTER_MS = 50;

/**
 * Blocking time of the page's load counted from the time its main thread spent on the CPU (`tdur`)
 * rather than wall time: each task slowed down 4x, beyond 50 ms, as Lighthouse counts TBT. On a machine
 * shared with other work, wall time includes the waits for a core, and Lighthouse's TBT then measures
 * the machine; CPU time barely moves with the load, so this figure compares two builds measured at
 * different moments. Every task of the load counts, not only those after the first contentful paint
 * as in TBT: which tasks come after it moves with the load too (on 7 December 2026, one build's check
 * page gave 61, 259 and 113 ms counted after the paint, 241, 348 and 370 ms counted over the load).
 * The first paint names the page's main thread. Null when the trace has none.
 *
 * Also the part of it in the tasks that commit the navigation (those holding a
 * `DocumentLoader::CommitNavigation`: the browser making the new document and its script context,
 * before the page's HTML or script runs). That part is the browser's, the same for any page, and
 * it moves from run to run (35 to 130 ms on 7 December 2026); the rest is the page's own.
 */
export function cpuBlocking(events: readonly TimedEvent[]): { total: number; navigation: number } | null {
  const fcp = events.find((e) => e.name === "firstContentfulPaint");
  if (!fcp) return null;
  const onMain = (e: TimedEvent) => e.pid === fcp.pid && e.tid === fcp.tid && e.ph === "X";
  const commits = events.filter((e) => onMain(e) && e.name === "DocumentLoader::CommitNavigation");
  let total = 0;
  let navigation = 0;
  for (const e of events) {
    if (!onMain(e)) continue;
    if (e.name !== "RunTask" && e.name !== "ThreadControllerImpl::RunTask") continue;
    const slowed = (CPU_SLOWDOWN * (e.tdur ?? e.dur ?? 0)) / 1000;
    if (slowed <= BLOCKING_AFTER_MS) continue;
    total += slowed - BLOCKING_AFTER_MS;
    const end = e.ts + (e.dur ?? 0);
    if (commits.some((c) => c.ts >= e.ts && c.ts < end)) navigation += slowed - BLOCKING_AFTER_MS;
  }
  return { total, navigation };
}

function cpuFigures(events: readonly TimedEvent[]): { cpuTbtMs: number; cpuTbtNavigationMs: number } {
  const b = cpuBlocking(events);
  return { cpuTbtMs: b?.total ?? Number.NaN, cpuTbtNavigationMs: b?.navigation ?? Number.NaN };
}

export interface LighthouseResult {
  name: string;
  path: string;
  /** How many runs the figures are the median of. */
  runs: number;
  performance: number;
  accessibility: number;
  fcpMs: number;
  lcpMs: number;
  tbtMs: number;
  /** `cpuBlocking`'s total of the run's trace: the load's blocking time from CPU time, steadier under load. */
  cpuTbtMs: number;
  /** The part of `cpuTbtMs` in the navigation's commit (`cpuBlocking`): the browser's, not the page's. */
  cpuTbtNavigationMs: number;
  cls: number;
  /** Every run's performance score, in order, so a noisy machine shows as a spread. */
  performanceRuns: number[];
  failedAudits: string[];
}

/**
 * Lighthouse's score follows CPU time, so on a shared machine one run is noise: each page is run three times
 * (`LIGHTHOUSE_RUNS` sets another count) and the median reported, as Lighthouse CI does by default.
 * `LIGHTHOUSE_REPORT_DIR` keeps every run's full report (JSON) for reading the diagnostics, and its trace
 * (`*.trace.json`, which Chromium's DevTools Performance panel opens) for finding what a long task did.
 */
function runsWanted(fallback: number): number {
  const n = Number(process.env.LIGHTHOUSE_RUNS ?? fallback);
  return Number.isInteger(n) && n >= 1 ? n : fallback;
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? (s[mid] as number) : ((s[mid - 1] as number) + (s[mid] as number)) / 2;
}

/**
 * Lighthouse's default run (mobile: a mid-range phone on a slow 4G link, simulated) on each page, one
 * headless Chromium for all three. The scores are Lighthouse's 0-100.
 */
export async function runLighthouse(
  stack: { baseUrl: string; mailboxUrl: string },
  log: (s: string) => void,
  defaultRuns = 1,
): Promise<LighthouseResult[] | string> {
  const runs = runsWanted(defaultRuns);
  const reportDir = process.env.LIGHTHOUSE_REPORT_DIR;
  if (reportDir) mkdirSync(reportDir, { recursive: true });
  if (!existsSync(CHROMIUM)) return `no Chromium at ${CHROMIUM}`;
  const chrome = await launch({
    chromePath: CHROMIUM,
    chromeFlags: ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage"],
  });
  try {
    const results: LighthouseResult[] = [];
    for (const [pageIndex, page] of LIGHTHOUSE_PAGES.entries()) {
      const each: Omit<LighthouseResult, "name" | "path" | "runs" | "performanceRuns">[] = [];
      for (let i = 0; i < runs; i++) {
        const opened = "fromDraft" in page ? await draftResumePath(stack) : page.path;
        log(`lighthouse ${opened}${runs > 1 ? ` (run ${i + 1} of ${runs})` : ""}`);
        const run = await lighthouse(`${stack.baseUrl}${opened}`, {
          port: chrome.port,
          logLevel: "error",
          output: "json",
          onlyCategories: ["performance", "accessibility"],
        });
        if (!run) throw new Error(`Lighthouse gave no result for ${page.path}`);
        const { categories, audits } = run.lhr;
        const landed = new URL(run.lhr.finalDisplayedUrl).pathname;
        if (landed !== page.path)
          throw new Error(`Lighthouse opened ${opened} and landed on ${landed}, not ${page.path}`);
        const trace = run.artifacts.Trace;
        if (reportDir) {
          writeFileSync(join(reportDir, `page${pageIndex + 1}-run${i + 1}.json`), JSON.stringify(run.lhr));
          writeFileSync(join(reportDir, `page${pageIndex + 1}-run${i + 1}.trace.json`), JSON.stringify(trace));
        }
        const score = (id: string) => Math.round((categories[id]?.score ?? 0) * 100);
        const metric = (id: string) => audits[id]?.numericValue ?? Number.NaN;
        const accessibilityAudits = categories.accessibility?.auditRefs.map((r) => r.id) ?? [];
        each.push({
          performance: score("performance"),
          accessibility: score("accessibility"),
          fcpMs: metric("first-contentful-paint"),
          lcpMs: metric("largest-contentful-paint"),
          tbtMs: metric("total-blocking-time"),
          ...cpuFigures(trace.traceEvents as unknown as TimedEvent[]),
          cls: metric("cumulative-layout-shift"),
          failedAudits: accessibilityAudits.filter((id) => audits[id]?.score === 0),
        });
      }
      const med = (pick: (r: (typeof each)[number]) => number) => median(each.map(pick));
      results.push({
        name: page.name,
        path: "fromDraft" in page ? `${page.path}, from a draft's link` : page.path,
        runs,
        performance: Math.round(med((r) => r.performance)),
        // Accessibility does not depend on timing: the worst run counts.
        accessibility: Math.min(...each.map((r) => r.accessibility)),
        fcpMs: med((r) => r.fcpMs),
        lcpMs: med((r) => r.lcpMs),
        tbtMs: med((r) => r.tbtMs),
        cpuTbtMs: med((r) => r.cpuTbtMs),
        cpuTbtNavigationMs: med((r) => r.cpuTbtNavigationMs),
        cls: med((r) => r.cls),
        performanceRuns: each.map((r) => r.performance),
        failedAudits: [...new Set(each.flatMap((r) => r.failedAudits))],
      });
    }
    return results;
  } finally {
    chrome.kill();
  }
}

export function lighthouseSection(r: LighthouseResult[] | string): { text: string; rows: Row[] } {
  const head = [
    "7. LIGHTHOUSE: the public pages on a phone (Lighthouse's default mobile run, simulated slow 4G, headless Chromium)",
  ];
  if (typeof r === "string") {
    const rows: Row[] = [{ measure: "lighthouse", value: r, target: "", result: "ERROR" }];
    return { text: [...head, "", rowsTable(rows)].join("\n"), rows };
  }
  const rows: Row[] = r.flatMap((p) => [
    {
      measure: `${p.name} (${p.path}) performance`,
      value: `${p.performance}${p.runs > 1 ? ` (median of ${p.performanceRuns.join(", ")})` : ""}; FCP ${(p.fcpMs / 1000).toFixed(1)} s, LCP ${(p.lcpMs / 1000).toFixed(1)} s, TBT ${p.tbtMs.toFixed(0)} ms (load's, from CPU time: ${p.cpuTbtMs.toFixed(0)} ms, of which the navigation's commit ${p.cpuTbtNavigationMs.toFixed(0)} ms), CLS ${p.cls.toFixed(3)}`,
      target: `>= ${LIGHTHOUSE_TARGETS.performance}`,
      result: atMost(LIGHTHOUSE_TARGETS.performance, p.performance),
    },
    {
      measure: `${p.name} (${p.path}) accessibility`,
      value: `${p.accessibility}${p.failedAudits.length ? ` (failing: ${p.failedAudits.join(", ")})` : ""}`,
      target: `>= ${LIGHTHOUSE_TARGETS.accessibility}`,
      result: atMost(LIGHTHOUSE_TARGETS.accessibility, p.accessibility),
    },
  ]);
  return { text: [...head, "", rowsTable(rows)].join("\n"), rows };
}
