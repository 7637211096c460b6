import { hostname, networkInterfaces } from "node:os";

/** What the allow-list needs to know about this machine (injected in tests). */
export interface MachineNames {
  hostname(): string;
  /** Every address of every network interface. */
  addresses(): string[];
}

export const thisMachine: MachineNames = {
  hostname,
  addresses: () =>
    Object.values(networkInterfaces()).flatMap((entries) =>
      (entries ?? []).map((entry) => entry.address),
    ),
};

/** Names that always reach this machine itself; a rebinding page can never send them. */
const loopbackNames = ["localhost", "127.0.0.1", "::1"];
const wildcardAddresses = new Set(["0.0.0.0", "::", "[::]"]);

/**
 * The Host names this server answers: loopback names, server.host, server.allowedHosts, and,
 * when bound to every interface, this machine's addresses and hostname as they are at start-up.
 * "any" when server.allowedHosts holds "*".
 */
export function allowedHosts(
  server: { host: string; allowedHosts: readonly string[] },
  machine: MachineNames,
): ReadonlySet<string> | "any" {
  if (server.allowedHosts.includes("*")) return "any";
  const names = [...loopbackNames, ...server.allowedHosts];
  if (wildcardAddresses.has(server.host)) {
    names.push(machine.hostname(), ...machine.addresses());
  } else {
    names.push(server.host);
  }
  return new Set(names.map(normalizeHostName));
}

/** The name in a Host header: lower case, no port, no IPv6 brackets, no trailing dot. */
export function hostNameOf(header: string): string {
  const value = header.trim();
  if (value.startsWith("[")) {
    const end = value.indexOf("]");
    return normalizeHostName(end === -1 ? value : value.slice(0, end + 1));
  }
  const colon = value.indexOf(":");
  return normalizeHostName(colon === -1 ? value : value.slice(0, colon));
}

function normalizeHostName(name: string): string {
  const lower = name.trim().toLowerCase();
  const bare = lower.startsWith("[") && lower.endsWith("]") ? lower.slice(1, -1) : lower;
  return bare.endsWith(".") ? bare.slice(0, -1) : bare;
}
