import { mkdtemp, rm } from "node:fs/promises";
import { createServer } from "node:net";
import { cpus, tmpdir } from "node:os";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import { keys } from "@tandem/data";
import { type LocalStack, portsFor, startLocalStack, TABLE_NAME } from "@tandem/local";
import { ApiClient } from "./api-client.js";
import { bundleSection, INIT_REPEATS, runBundles } from "./bundles.js";
import { type CapacityLine, probeConsumedCapacity, runCapacity } from "./capacity.js";
import { type ExpensesBench, expensesSection, runExpensesBench } from "./expenses.js";
import { type ImportBench, importSection, runImportBench } from "./imports.js";
import { LATENCY, type LatencyResult, latencySection, runLatency } from "./latency.js";
import { type LighthouseResult, lighthouseSection, runLighthouse } from "./lighthouse.js";
import { LOAD, type LoadResult, loadSection, runLoad } from "./load.js";
import { type MatchingBench, matchingSection, runMatchingBench } from "./matching.js";
import { type ReferralBench, referralSection, runReferralBench } from "./referrals.js";
import { type ReportingBench, reportingSection, runReportingBench } from "./reporting.js";
import { type ReviewBench, reviewSection, runReviewBench } from "./reviews.js";
import { type Row, table } from "./stats.js";
import { measureWebBundles, webBundleSection } from "./web-bundles.js";

const log = (s: string) => process.stderr.write(`[bench] ${s}\n`);

function portFree(port: number): Promise<boolean> {
  return new Promise((resolvePort) => {
    const server = createServer();
    server.once("error", () => resolvePort(false));
    server.listen(port, "0.0.0.0", () => server.close(() => resolvePort(true)));
  });
}

/** The first base port from BENCH_PORT (default 3500), stepping by 20, whose whole layout is free. */
async function freeBasePort(): Promise<number> {
  const start = Number(process.env.BENCH_PORT ?? 3500);
  if (!Number.isInteger(start) || start < 1024 || start > 65_000) throw new Error("BENCH_PORT must be a port number");
  for (let base = start; base < start + 400; base += 20) {
    const ports = Object.values(portsFor(base));
    let free = true;
    for (const p of ports) free &&= await portFree(p);
    if (free) return base;
  }
  throw new Error(`No free port layout found from ${start}`);
}

function capacitySection(lines: CapacityLine[], probe: unknown): { text: string; rows: Row[] } {
  const rows: Row[] = [];
  const cells = lines.map((l) => {
    const ok = l.status === l.expected && l.capacity !== undefined;
    rows.push({ measure: l.operation, value: "", target: "", result: ok ? "info" : "ERROR" });
    const status = l.status === l.expected ? String(l.status) : `${l.status} (expected ${l.expected}) ERROR`;
    return [
      l.operation,
      l.as,
      status,
      l.capacity ? String(l.capacity.rcu) : "no header",
      l.capacity ? String(l.capacity.wcu) : "no header",
      l.capacity ? String(l.capacity.awsWcu) : "-",
      l.capacity ? String(l.capacity.calls) : "-",
      l.note ?? "",
    ];
  });
  const metered = lines.filter((l) => l.capacity && l.capacity.calls > 0);
  const allZero = metered.length > 0 && metered.every((l) => l.capacity?.rcu === 0 && l.capacity.wcu === 0);
  const probeText = probe === undefined ? "nothing (no ConsumedCapacity in the response)" : JSON.stringify(probe);
  const notes = [
    `   DynamoDB Local, asked directly for ReturnConsumedCapacity TOTAL on one GetItem, returned: ${probeText}`,
    allZero
      ? "   EVERY metered operation shows rcu=0 and wcu=0: DynamoDB Local did not report consumed capacity, so these zeros are NOT real costs. Measure against a real table to get them."
      : "   Units are as DynamoDB Local reports them (it gives only a total per call; the API attributes it to reads or writes by call kind).",
    "   WCU (AWS price): the same writes priced by AWS's published rules from each request (see section 4).",
    "   DynamoDB Local's figures may differ from AWS (e.g. strongly vs eventually consistent reads, transaction doubling, item-size rounding, GSI writes); treat them as a guide, not a bill.",
    "   calls = DynamoDB calls the API metered for the request. GET /api/health reads the table through its own client, outside the meter, so it shows 0.",
    "   No targets are set for capacity: these lines are informational; an unexpected status is an ERROR.",
  ];
  const text = [
    "3. CAPACITY UNITS PER API OPERATION (x-tandem-capacity header, reportCapacity: true)",
    "",
    table(["Operation", "As", "Status", "RCU", "WCU", "WCU (AWS price)", "Calls", "Note"], cells),
    "",
    ...notes,
  ].join("\n");
  return { text, rows };
}

async function main(): Promise<number> {
  const started = performance.now();
  log("bundling the Lambda entries and measuring module init (before the stack starts, so Java is not competing)");
  const bundles = await runBundles({ repeats: INIT_REPEATS, log });
  log("measuring the SPA's first-load JavaScript from web/dist");
  const web = measureWebBundles();

  const port = await freeBasePort();
  const dataDir = await mkdtemp(join(tmpdir(), "tandem-bench-"));
  log(`starting the local stack on base port ${port} with data in ${dataDir}`);
  let stack: LocalStack | undefined;
  let latency: LatencyResult;
  let capacity: CapacityLine[];
  let probe: unknown;
  let referrals: ReferralBench;
  let reporting: ReportingBench;
  let matching: MatchingBench;
  let expenses: ExpensesBench;
  let reviews: ReviewBench;
  let imports: ImportBench;
  let load: LoadResult[];
  let pages: LighthouseResult[] | string;
  try {
    stack = await startLocalStack({ port, dataDir, quiet: true, reportCapacity: true, scheduledJobEveryMs: 0 });
    const api = new ApiClient(stack);
    log(`measuring read latency (${LATENCY.iterations} pairs after ${LATENCY.warmup} warm-up)`);
    latency = await runLatency(stack, api, LATENCY);
    log("calling each operation for its capacity units");
    probe = await probeConsumedCapacity(stack.ports.dynamodb, TABLE_NAME, { ...keys.tenant("riverford") });
    capacity = await runCapacity(api);
    log("measuring referral submissions and list pages (10 vs 10,000 referrals)");
    referrals = await runReferralBench(stack, api, log);
    log("measuring the dashboard for a short and a long history");
    reporting = await runReportingBench(stack, api, log);
    log("measuring matching suggestions for one child with 50 and 500 approved volunteers");
    matching = await runMatchingBench(stack, api, log);
    log("measuring a visit's and a claim's writes, and finance's month end with 10 and 1,000 claims");
    expenses = await runExpensesBench(stack, api, log);
    log("measuring the coordinator's due lists for 10 and 1,000 matches");
    reviews = await runReviewBench(stack, api, log);
    log("importing 5,000 rows (dry run, then chunks)");
    imports = await runImportBench(stack, api, log);
    // Before the load run: a page is measured as a person meets it, not in the wake of thousands of requests
    // (whose e-mails would also queue ahead of the draft's resume link the check page is opened from).
    // Three runs a page and their median, as Lighthouse CI takes by default: one run's score moved from 95 to 86
    // between two full benches of the same build (a wall-time blocking spike), which no build change explains.
    log("Lighthouse on the public pages (headless Chromium, three runs a page)");
    pages = await runLighthouse({ baseUrl: api.baseUrl, mailboxUrl: stack.mailboxUrl }, log, 3).catch(
      (e: unknown) => `Lighthouse could not run: ${e instanceof Error ? e.message : String(e)}`,
    );
    log(`load runs: ${LOAD.connections} connections, at most ${LOAD.seconds} s each`);
    load = await runLoad(api);
  } finally {
    log("stopping the local stack");
    await stack?.stop();
    await rm(dataDir, { recursive: true, force: true });
  }

  const sections = [
    latencySection(latency),
    bundleSection(bundles),
    webBundleSection(web),
    capacitySection(capacity, probe),
    referralSection(referrals),
    reportingSection(reporting),
    matchingSection(matching),
    expensesSection(expenses),
    reviewSection(reviews),
    importSection(imports),
    loadSection(load),
    lighthouseSection(pages),
  ];
  const rows = sections.flatMap((s) => s.rows);
  const count = (r: Row["result"]) => rows.filter((x) => x.result === r).length;
  const cpu = cpus();
  const header = [
    "TANDEM BENCH",
    `${new Date().toISOString()}  node ${process.version}  ${cpu.length} CPU (${cpu[0]?.model.trim() ?? "unknown"})  stack base port ${port}`,
    "Figures are from this machine and DynamoDB Local; compare runs on the same machine, not across machines.",
  ].join("\n");
  const summary = [
    "SUMMARY",
    `   targets: ${count("PASS")} PASS, ${count("MISS")} MISS${count("ERROR") ? `, ${count("ERROR")} ERROR` : ""}`,
    // Each miss and error by name with its figure, so the summary alone says what to look at.
    ...rows
      .filter((r) => r.result === "MISS" || r.result === "ERROR")
      .map(
        (r) => `   ${r.result}: ${r.measure}${r.value ? ` ${r.value}` : ""}${r.target ? ` (target ${r.target})` : ""}`,
      ),
    `   total time ${((performance.now() - started) / 1000).toFixed(1)} s`,
  ].join("\n");
  const rule = "=".repeat(100);
  process.stdout.write(`${[rule, header, rule, ...sections.map((s) => s.text), summary].join("\n\n")}\n`);
  return count("ERROR") > 0 ? 1 : 0;
}

main().then(
  (code) => process.exit(code),
  (e: unknown) => {
    console.error("[bench] crashed:", e);
    process.exit(1);
  },
);
