import { type ChildProcess, spawn } from "node:child_process";
import { createConnection } from "node:net";

/** Children this runner started; all are stopped together on Ctrl-C or when a test ends. */
export class ProcessGroup {
  private readonly children: ChildProcess[] = [];

  constructor() {
    // However this process ends (an uncaught error, a signal to it alone), its emulators end with it.
    process.once("exit", () => {
      for (const child of this.children) if (child.exitCode === null) child.kill("SIGKILL");
    });
  }

  start(name: string, command: string, args: string[], opts: { cwd: string; env?: NodeJS.ProcessEnv; quiet: boolean }) {
    const child = spawn(command, args, {
      cwd: opts.cwd,
      env: { ...process.env, ...opts.env },
      stdio: ["ignore", "pipe", "pipe"],
    });
    const prefix = (chunk: Buffer) =>
      chunk
        .toString()
        .split("\n")
        .filter((l) => l.trim())
        .map((l) => `[${name}] ${l}`)
        .join("\n");
    child.stdout?.on("data", (c: Buffer) => opts.quiet || console.log(prefix(c)));
    child.stderr?.on("data", (c: Buffer) => opts.quiet || console.error(prefix(c)));
    this.children.push(child);
    return child;
  }

  async stopAll(): Promise<void> {
    await Promise.all(
      this.children.map(
        (child) =>
          new Promise<void>((resolve) => {
            if (child.exitCode !== null || child.signalCode !== null) return resolve();
            const timer = setTimeout(() => child.kill("SIGKILL"), 5000);
            child.once("exit", () => {
              clearTimeout(timer);
              resolve();
            });
            child.kill("SIGTERM");
          }),
      ),
    );
  }
}

/**
 * A JVM starting on a 2-core CI box while the other test projects bundle and synthesise can take well over a
 * minute to listen (CI met "did not start within 60s" three times in one run), so the default allows two; a
 * busier machine may set TANDEM_START_TIMEOUT_MS higher.
 */
const START_TIMEOUT_MS = Number(process.env.TANDEM_START_TIMEOUT_MS ?? 120_000);

export async function waitForPort(port: number, what: string, timeoutMs = START_TIMEOUT_MS): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const open = await new Promise<boolean>((resolve) => {
      const socket = createConnection({ host: "127.0.0.1", port }, () => {
        socket.end();
        resolve(true);
      });
      socket.on("error", () => resolve(false));
    });
    if (open) return;
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`${what} did not start listening on port ${port} within ${timeoutMs / 1000}s`);
}

export async function portIsFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = createConnection({ host: "127.0.0.1", port }, () => {
      socket.end();
      resolve(false);
    });
    socket.on("error", () => resolve(true));
  });
}
