import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { DEMO_PASSWORD, signIn, startLocalStack } from "@tandem/local";
import { expect, it } from "vitest";

/** A second start on the same data folder keeps everything: table, demo data, new records and users. */
it("keeps all data across a restart", async () => {
  const dataDir = await mkdtemp(join(tmpdir(), "tandem-restart-"));
  // Clear of the shared stack (TANDEM_TEST_PORT, default 3200) and its emulators, so two checkouts' runs can coexist.
  const port = Number(process.env.TANDEM_TEST_PORT ?? 3200) + 200;
  try {
    const first = await startLocalStack({ port, dataDir, quiet: true });
    let personId: string;
    try {
      const token = await signIn(first.identity, "admin@riverford.example", DEMO_PASSWORD);
      const created = await fetch(`${first.url}/api/members`, {
        method: "POST",
        headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
        body: JSON.stringify({ name: "Kept Person", email: "kept@riverford.example", roles: ["finance"] }),
      });
      expect(created.status).toBe(201);
      personId = ((await created.json()) as { personId: string }).personId;
    } finally {
      await first.stop();
    }

    const second = await startLocalStack({ port, dataDir, quiet: true });
    try {
      expect(second.identity.userPoolId).toBe(first.identity.userPoolId);
      const token = await signIn(second.identity, "admin@riverford.example", DEMO_PASSWORD);
      const read = await fetch(`${second.url}/api/members/${personId}`, {
        headers: { authorization: `Bearer ${token}` },
      });
      expect(read.status).toBe(200);
      expect(((await read.json()) as { name: string }).name).toBe("Kept Person");
      const health = await fetch(`${second.url}/api/health`);
      expect(health.status).toBe(200);
    } finally {
      await second.stop();
    }
  } finally {
    await rm(dataDir, { recursive: true, force: true });
  }
}, 180_000);
