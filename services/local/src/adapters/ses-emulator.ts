import type { Server } from "node:http";
import * as sesModule from "aws-ses-v2-local";

type StartSes = (config?: { host?: string; port?: number }) => Promise<Server>;

/** aws-ses-v2-local is CommonJS with a default export; under NodeNext it arrives wrapped once or twice. */
/** What the emulator's GetAccount answers (it reads it from this variable); the health check calls it. */
const LOCAL_ACCOUNT = {
  DedicatedIpAutoWarmupEnabled: false,
  Details: {
    AdditionalContactEmailAddresses: [],
    ContactLanguage: "EN",
    MailType: "TRANSACTIONAL",
    ReviewDetails: { CaseId: "local", Status: "GRANTED" },
    UseCaseDescription: "Tandem local development",
    WebsiteURL: "http://localhost",
  },
  EnforcementStatus: "HEALTHY",
  ProductionAccessEnabled: true,
  SendingEnabled: true,
  SendQuota: { Max24HourSend: 50000, MaxSendRate: 14, SentLast24Hours: 0 },
  SuppressionAttributes: { SuppressedReasons: [] },
};

export function startSesEmulator(config: { host: string; port: number }): Promise<Server> {
  process.env.AWS_SES_ACCOUNT ??= JSON.stringify(LOCAL_ACCOUNT);
  const mod = sesModule as unknown as { default: StartSes | { default: StartSes } };
  const start = typeof mod.default === "function" ? mod.default : mod.default.default;
  return start(config);
}
