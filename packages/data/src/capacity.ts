import type { ConsumedCapacity } from "@aws-sdk/client-dynamodb";

/**
 * Adds up the capacity units one request consumes (ReturnConsumedCapacity TOTAL on every call), so
 * the bench can report what each API operation costs and reviewers can see a scan sneak in.
 */
export class CapacityMeter {
  readUnits = 0;
  writeUnits = 0;
  calls = 0;

  add(consumed: ConsumedCapacity | ConsumedCapacity[] | undefined): void {
    this.calls += 1;
    const list = Array.isArray(consumed) ? consumed : consumed ? [consumed] : [];
    for (const c of list) {
      this.readUnits += c.ReadCapacityUnits ?? 0;
      this.writeUnits += c.WriteCapacityUnits ?? 0;
      // DynamoDB Local and on-demand tables may only give the total: attribute it by the call's kind.
      if (c.ReadCapacityUnits === undefined && c.WriteCapacityUnits === undefined && c.CapacityUnits !== undefined) {
        this.pendingTotal += c.CapacityUnits;
      }
    }
  }

  /** Units reported only as a total, assigned to reads or writes by the caller that knows the call. */
  pendingTotal = 0;

  settle(kind: "read" | "write"): void {
    if (kind === "read") this.readUnits += this.pendingTotal;
    else this.writeUnits += this.pendingTotal;
    this.pendingTotal = 0;
  }

  toHeader(): string {
    return `rcu=${round(this.readUnits)};wcu=${round(this.writeUnits)};calls=${this.calls}`;
  }
}

const round = (n: number) => Math.round(n * 100) / 100;
