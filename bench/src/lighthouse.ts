import { existsSync } from "node:fs";
import { launch } from "chrome-launcher";
import lighthouse from "lighthouse";
import { atMost, type Row, rowsTable } from "./stats.js";

/** Debian's Chromium, as the browser tests use (`E2E_CHROMIUM` or `CHROME_PATH` to point elsewhere). */
const CHROMIUM = process.env.E2E_CHROMIUM ?? process.env.CHROME_PATH ?? "/usr/bin/chromium";

export const LIGHTHOUSE_TARGETS = { performance: 95, accessibility: 100 } as const;

/**
 * The three public pages a referrer meets first: the council's start page, the first question page and
 * check your answers (opened fresh, so it lists every question as not yet answered).
 */
export const LIGHTHOUSE_PAGES = [
  { name: "referral start page", path: "/riverford/refer" },
  { name: "first question page", path: "/riverford/refer/child" },
  { name: "check your answers", path: "/riverford/refer/check" },
] as const;

export interface LighthouseResult {
  name: string;
  path: string;
  performance: number;
  accessibility: number;
  lcpMs: number;
  tbtMs: number;
  failedAudits: string[];
}

/**
 * Lighthouse's default run (mobile: a mid-range phone on a slow 4G link, simulated) on each page, one
 * headless Chromium for all three. The scores are Lighthouse's 0-100.
 */
export async function runLighthouse(baseUrl: string, log: (s: string) => void): Promise<LighthouseResult[] | string> {
  if (!existsSync(CHROMIUM)) return `no Chromium at ${CHROMIUM}`;
  const chrome = await launch({
    chromePath: CHROMIUM,
    chromeFlags: ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage"],
  });
  try {
    const results: LighthouseResult[] = [];
    for (const page of LIGHTHOUSE_PAGES) {
      log(`lighthouse ${page.path}`);
      const run = await lighthouse(`${baseUrl}${page.path}`, {
        port: chrome.port,
        logLevel: "error",
        output: "json",
        onlyCategories: ["performance", "accessibility"],
      });
      if (!run) throw new Error(`Lighthouse gave no result for ${page.path}`);
      const { categories, audits } = run.lhr;
      const score = (id: string) => Math.round((categories[id]?.score ?? 0) * 100);
      const accessibilityAudits = categories.accessibility?.auditRefs.map((r) => r.id) ?? [];
      results.push({
        ...page,
        performance: score("performance"),
        accessibility: score("accessibility"),
        lcpMs: audits["largest-contentful-paint"]?.numericValue ?? Number.NaN,
        tbtMs: audits["total-blocking-time"]?.numericValue ?? Number.NaN,
        failedAudits: accessibilityAudits.filter((id) => audits[id]?.score === 0),
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
      value: `${p.performance} (LCP ${(p.lcpMs / 1000).toFixed(1)} s, TBT ${p.tbtMs.toFixed(0)} ms)`,
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
