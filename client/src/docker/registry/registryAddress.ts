import { msg, type LocalizableMessage } from '../message';
import { DEFAULT_DOMAIN, DOMAIN_RE, LEGACY_DEFAULT_DOMAIN } from './referenceGrammar';
import type { RegistryProtocol } from './registryClient';

/**
 * What the user types when adding a registry: "localhost:5000", "http://3.35.207.14:5000",
 * "https://ghcr.io", "docker.io", even "http://host:5000/v2/" copied from a curl line. We keep the
 * host[:port] (the part image references use) and whether a scheme was given; anything else is
 * explained before a request is made.
 */

export interface RegistryAddress {
  /** host[:port] as used in image references; "docker.io" for Docker Hub. */
  readonly host: string;
  readonly protocol: RegistryProtocol;
  /** An explicit http:// means the user knows it is plain HTTP: treat it as insecure. */
  readonly insecure: boolean;
}

export type AddressResult = { readonly ok: true; readonly address: RegistryAddress } | { readonly ok: false; readonly problem: LocalizableMessage };

const HUB_ALIASES = new Set([DEFAULT_DOMAIN, LEGACY_DEFAULT_DOMAIN, 'registry-1.docker.io', 'hub.docker.com', 'registry.hub.docker.com']);

export function parseRegistryAddress(input: string): AddressResult {
  let s = input.trim();
  if (s === '') return { ok: false, problem: msg('Enter a registry address such as localhost:5000, 192.168.0.10:5000, ghcr.io or docker.io.') };
  let protocol: RegistryProtocol = 'auto';
  const scheme = /^([a-zA-Z][a-zA-Z0-9+.-]*):\/\//.exec(s);
  if (scheme) {
    const name = scheme[1]!.toLowerCase();
    if (name !== 'http' && name !== 'https') {
      return { ok: false, problem: msg('"{0}" is not a registry address: only http:// or https:// (or no scheme at all) can be used.', input) };
    }
    protocol = name;
    s = s.slice(scheme[0].length);
  }
  // Paths such as /v2/ or /v2/_catalog from a curl command are not part of the address.
  const slash = s.indexOf('/');
  if (slash >= 0) {
    const path = s.slice(slash);
    if (!/^\/(v2\/?.*)?$/.test(path)) {
      return { ok: false, problem: msg('"{0}" contains a path ({1}). A registry address is only host and port; repositories are browsed inside it.', input, path) };
    }
    s = s.slice(0, slash);
  }
  if (/\s/.test(s) || !DOMAIN_RE.test(s)) {
    return { ok: false, problem: msg('"{0}" is not a valid registry address. Use a host name or IP address with an optional numeric port, such as localhost:5000.', input) };
  }
  const lower = s.toLowerCase();
  if (HUB_ALIASES.has(lower)) return { ok: true, address: { host: DEFAULT_DOMAIN, protocol: protocol === 'http' ? 'https' : protocol, insecure: false } };
  return { ok: true, address: { host: lower, protocol, insecure: protocol === 'http' } };
}
