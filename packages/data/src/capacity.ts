import type { ConsumedCapacity } from "@aws-sdk/client-dynamodb";

/**
 * Adds up the capacity units one request consumes (ReturnConsumedCapacity TOTAL on every call), so
 * the bench can report what each API operation costs and reviewers can see a scan sneak in.
 */
export class CapacityMeter {
  readUnits = 0;
  writeUnits = 0;
  /** The same writes priced by AWS's published rules (see write-pricing.ts); DynamoDB Local's own figure differs. */
  awsWriteUnits = 0;
  calls = 0;
  /** The calls that read (GetItem, BatchGetItem, Query): a read route should make one. */
  readCalls = 0;
  /** Milliseconds spent waiting on DynamoDB (calls in parallel count once each), for Server-Timing. */
  dbMs = 0;

  /** Awaits one DynamoDB call, adding the wait to `dbMs`. */
  async timed<T>(call: Promise<T>): Promise<T> {
    const start = performance.now();
    try {
      return await call;
    } finally {
      this.dbMs += performance.now() - start;
    }
  }

  read(consumed: ConsumedCapacity | ConsumedCapacity[] | undefined): void {
    this.readCalls += 1;
    this.add(consumed, "read");
  }

  /** A write call, with what AWS would bill for it priced from the request. */
  write(consumed: ConsumedCapacity | ConsumedCapacity[] | undefined, awsUnits: number): void {
    this.add(consumed, "write");
    this.awsWriteUnits += awsUnits;
  }

  /**
   * Records one call's consumption. DynamoDB Local and on-demand tables may give only a total, so
   * `kind` (what the call was) says whether such a total counts as reads or writes.
   */
  private add(consumed: ConsumedCapacity | ConsumedCapacity[] | undefined, kind: "read" | "write"): void {
    this.calls += 1;
    const list = Array.isArray(consumed) ? consumed : consumed ? [consumed] : [];
    for (const c of list) {
      if (c.ReadCapacityUnits === undefined && c.WriteCapacityUnits === undefined) {
        if (kind === "read") this.readUnits += c.CapacityUnits ?? 0;
        else this.writeUnits += c.CapacityUnits ?? 0;
      } else {
        this.readUnits += c.ReadCapacityUnits ?? 0;
        this.writeUnits += c.WriteCapacityUnits ?? 0;
      }
    }
  }

  toHeader(): string {
    return `rcu=${round(this.readUnits)};wcu=${round(this.writeUnits)};calls=${this.calls};awsWcu=${round(this.awsWriteUnits)};reads=${this.readCalls}`;
  }
}

const round = (n: number) => Math.round(n * 100) / 100;
