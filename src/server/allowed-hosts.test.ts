import { describe, expect, it } from "vitest";
import { allowedHosts, hostNameOf, type MachineNames } from "./allowed-hosts.js";

const machine: MachineNames = {
  hostname: () => "Gateway-Box",
  addresses: () => ["127.0.0.1", "192.168.1.20", "fe80::1"],
};

describe("allowedHosts", () => {
  it("answers loopback names and the configured host by default", () => {
    const allowed = allowedHosts({ host: "127.0.0.1", allowedHosts: [] }, machine);
    expect(allowed).toEqual(new Set(["localhost", "127.0.0.1", "::1"]));
    const named = allowedHosts(
      { host: "10.0.0.5", allowedHosts: ["Gateway.Example.com."] },
      machine,
    );
    expect(named).toEqual(
      new Set(["localhost", "127.0.0.1", "::1", "gateway.example.com", "10.0.0.5"]),
    );
  });

  it("adds this machine's addresses and hostname when bound to every interface", () => {
    for (const host of ["0.0.0.0", "::"]) {
      const allowed = allowedHosts({ host, allowedHosts: [] }, machine);
      expect(allowed).toEqual(
        new Set(["localhost", "127.0.0.1", "::1", "gateway-box", "192.168.1.20", "fe80::1"]),
      );
    }
  });

  it('answers any host when the list holds "*"', () => {
    expect(allowedHosts({ host: "0.0.0.0", allowedHosts: ["*"] }, machine)).toBe("any");
  });
});

describe("hostNameOf", () => {
  it("drops the port, IPv6 brackets, case and a trailing dot", () => {
    expect(hostNameOf("LocalHost:8080")).toBe("localhost");
    expect(hostNameOf("[::1]:8080")).toBe("::1");
    expect(hostNameOf("[::1]")).toBe("::1");
    expect(hostNameOf("localhost.:8080")).toBe("localhost");
    expect(hostNameOf("127.0.0.1")).toBe("127.0.0.1");
    expect(hostNameOf("")).toBe("");
  });
});
