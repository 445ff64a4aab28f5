import { describe, expect, it } from "vitest";
import { rateBucketOf } from "./rate-limit.js";

describe("the bucket a request is counted in", () => {
  it.each([
    ["203.0.113.7", "203.0.113.7"],
    [" 203.0.113.7 ", "203.0.113.7"],
    ["::ffff:203.0.113.7", "203.0.113.7"],
    ["2001:db8:85a3:1:8a2e:370:7334:1", "2001:db8:85a3:1::/64"],
    ["2001:db8:85a3:1:ffff:ffff:ffff:ffff", "2001:db8:85a3:1::/64"],
    ["2001:DB8:85A3:0001::1", "2001:db8:85a3:1::/64"],
    ["[2001:db8::1]", "2001:db8:0:0::/64"],
    ["fe80::1%eth0", "fe80:0:0:0::/64"],
    ["::1", "0:0:0:0::/64"],
    ["unknown", "unknown"],
    ["2001:db8::1::2", "2001:db8::1::2"],
    ["2001:db8:zz::1", "2001:db8:zz::1"],
  ])("%j → %j", (address, bucket) => {
    expect(rateBucketOf(address)).toBe(bucket);
  });

  it("puts every address of one IPv6 /64 in the same bucket", () => {
    const many = ["1", "2", "abcd:1:2:3", "ffff:ffff:ffff:ffff"].map((host) =>
      rateBucketOf(`2001:db8:aaaa:bbbb:${host.includes(":") ? host : `0:0:0:${host}`}`),
    );
    expect(new Set(many)).toEqual(new Set(["2001:db8:aaaa:bbbb::/64"]));
  });
});
