import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { clientAddressFrom, rateKeyOf } from "./client-address.js";

describe("the client's address for rate limits", () => {
  it.each([
    // In AWS: CloudFront appends the viewer, API Gateway appends CloudFront.
    { xff: "198.51.100.7, 130.176.1.1", hops: 2, from: "130.176.1.1", address: "198.51.100.7" },
    { xff: "1.1.1.1, 198.51.100.7, 130.176.1.1", hops: 2, from: "130.176.1.1", address: "198.51.100.7" },
    { xff: "203.0.113.9", hops: 2, from: "203.0.113.9", address: "203.0.113.9" },
    { xff: undefined, hops: 2, from: "203.0.113.9", address: "203.0.113.9" },
    // Locally: the caller says.
    { xff: "203.0.113.5", hops: 1, from: "127.0.0.1", address: "203.0.113.5" },
    { xff: "9.9.9.9, 203.0.113.5", hops: 1, from: "127.0.0.1", address: "203.0.113.5" },
    { xff: " , ", hops: 1, from: "127.0.0.1", address: "127.0.0.1" },
    // Trusting no proxy: the connection only.
    { xff: "9.9.9.9", hops: 0, from: "127.0.0.1", address: "127.0.0.1" },
    { xff: undefined, hops: 1, from: undefined, address: "unknown" },
  ])("X-Forwarded-For $xff, $hops trusted, connected from $from → $address", ({ xff, hops, from, address }) => {
    expect(clientAddressFrom(xff, hops, from)).toBe(address);
  });

  it("does not let a forged first entry choose the bucket behind CloudFront", () => {
    const forged = ["10.0.0.1", "10.0.0.2", "10.0.0.3"].map((f) =>
      clientAddressFrom(`${f}, 198.51.100.7, 130.176.1.1`, 2, "130.176.1.1"),
    );
    expect(new Set(forged)).toEqual(new Set(["198.51.100.7"]));
  });
});

describe("the key a rate limit counts a client under", () => {
  it("is the same for one address (and one IPv6 /64), and another under another key", () => {
    expect(rateKeyOf("198.51.100.7", "k1")).toBe(rateKeyOf(" 198.51.100.7", "k1"));
    expect(rateKeyOf("2001:db8:1:2::1", "k1")).toBe(rateKeyOf("2001:db8:1:2:ffff::9", "k1"));
    expect(rateKeyOf("198.51.100.7", "k1")).not.toBe(rateKeyOf("198.51.100.8", "k1"));
    expect(rateKeyOf("198.51.100.7", "k1")).not.toBe(rateKeyOf("198.51.100.7", "k2"));
  });

  it("is not an unkeyed hash of the address, which anyone could reverse by hashing every IPv4 address", () => {
    const unkeyed = createHash("sha256").update("198.51.100.7").digest("hex");
    expect(rateKeyOf("198.51.100.7", "k1")).not.toBe(unkeyed);
    expect(rateKeyOf("198.51.100.7", "k1")).not.toContain("198.51.100.7");
  });
});
