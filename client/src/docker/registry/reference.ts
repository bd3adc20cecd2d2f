import { formatMessage, msg, type LocalizableMessage } from '../message';
import {
  DEFAULT_DOMAIN,
  DEFAULT_TAG,
  DIGEST_ALGORITHMS,
  DIGEST_RE,
  DOCKER_HUB_API_HOST,
  DOMAIN_RE,
  IDENTIFIER_RE,
  LEGACY_DEFAULT_DOMAIN,
  MAX_PATH_LENGTH,
  MAX_TAG_LENGTH,
  NAME_RE,
  OFFICIAL_REPO_PREFIX,
  PATH_COMPONENT_RE,
  REFERENCE_RE,
  TAG_RE,
} from './referenceGrammar';

/**
 * Image references the way `docker` reads them (distribution's ParseNormalizedNamed): "ubuntu"
 * means docker.io/library/ubuntu, "localhost/x" and anything whose first part has a "." or ":"
 * (or capitals) names a registry, repositories are lowercase, tags follow [\w][\w.-]{0,127}.
 * Which inputs are valid is decided exactly as distribution decides it; the explanation of an
 * invalid one is ours and names the part that is wrong, so the user can fix it before anything
 * is sent to an engine or registry.
 */

export interface ImageReference {
  /** Registry host as written in references: "docker.io", "localhost:5000", "[::1]:5000", "ghcr.io". */
  readonly domain: string;
  /** Repository path inside the registry: "library/ubuntu", "goapp", "team/app". */
  readonly path: string;
  readonly tag?: string;
  readonly digest?: string;
}

export type ReferenceProblemCode =
  | 'empty'
  | 'whitespace'
  | 'scheme'
  | 'identifier'
  | 'uppercase'
  | 'empty-component'
  | 'domain-invalid'
  | 'path-component-invalid'
  | 'name-too-long'
  | 'tag-empty'
  | 'tag-too-long'
  | 'tag-invalid'
  | 'digest-invalid'
  | 'digest-unsupported'
  | 'digest-length'
  | 'registry-only'
  | 'invalid-format';

export interface ReferenceProblem {
  readonly code: ReferenceProblemCode;
  readonly message: LocalizableMessage;
}

export type ParseResult = { readonly ok: true; readonly reference: ImageReference } | { readonly ok: false; readonly problem: ReferenceProblem };

export class InvalidReferenceError extends Error {
  constructor(readonly input: string, readonly problem: ReferenceProblem) {
    super(formatMessage(problem.message));
    this.name = 'InvalidReferenceError';
  }
}

const EXAMPLE = 'localhost:5000/goapp:1.0';

/** Parses like `docker pull/push/tag` do; never throws. */
export function parseReference(input: string): ParseResult {
  const failure = decide(input);
  if (failure === undefined) {
    return { ok: true, reference: normalizedParts(input) };
  }
  return { ok: false, problem: explain(input, failure) };
}

/** Same as parseReference but throws InvalidReferenceError (for code paths that must not go on). */
export function requireReference(input: string): ImageReference {
  const r = parseReference(input);
  if (!r.ok) throw new InvalidReferenceError(input, r.problem);
  return r.reference;
}

/** The reason distribution itself would give, or undefined when the input is valid. */
type Verdict = 'identifier' | 'uppercase' | 'format' | 'too-long' | 'digest-unsupported' | 'digest-length' | 'digest-format';

function decide(input: string): Verdict | undefined {
  if (input === '') return 'format';
  if (IDENTIFIER_RE.test(input)) return 'identifier';
  const { domain, remainder } = splitDockerDomain(input);
  const colon = remainder.indexOf(':');
  const remote = colon >= 0 ? remainder.slice(0, colon) : remainder;
  if (remote.toLowerCase() !== remote) return 'uppercase';
  const full = `${domain}/${remainder}`;
  const m = REFERENCE_RE.exec(full);
  if (!m) return REFERENCE_RE.test(full.toLowerCase()) ? 'uppercase' : 'format';
  const name = NAME_RE.exec(m[1]!);
  const path = name ? name[2]! : m[1]!;
  if (path.length > MAX_PATH_LENGTH) return 'too-long';
  if (m[3] !== undefined) return checkDigest(m[3]);
  return undefined;
}

/** go-digest's Validate: a known algorithm and exactly its length of lowercase hex. */
function checkDigest(d: string): Verdict | undefined {
  const i = d.indexOf(':');
  const algorithm = d.slice(0, i);
  const encoded = d.slice(i + 1);
  const length = DIGEST_ALGORITHMS[algorithm];
  if (length === undefined) return DIGEST_RE.test(d) ? 'digest-unsupported' : 'digest-format';
  if (encoded.length !== length) return 'digest-length';
  if (!/^[a-f0-9]+$/.test(encoded)) return 'digest-format';
  return undefined;
}

/** distribution's splitDockerDomain: decides whether the first part names a registry. */
function splitDockerDomain(name: string): { domain: string; remainder: string } {
  const slash = name.indexOf('/');
  if (slash < 0) return { domain: DEFAULT_DOMAIN, remainder: OFFICIAL_REPO_PREFIX + name };
  const first = name.slice(0, slash);
  const rest = name.slice(slash + 1);
  let domain: string;
  let remainder: string;
  if (first === 'localhost') {
    [domain, remainder] = [first, rest];
  } else if (first === LEGACY_DEFAULT_DOMAIN) {
    [domain, remainder] = [DEFAULT_DOMAIN, rest];
  } else if (first.includes('.') || first.includes(':')) {
    [domain, remainder] = [first, rest];
  } else if (first.toLowerCase() !== first) {
    // Repositories cannot hold capitals, so a capitalised first part must be a host name.
    [domain, remainder] = [first, rest];
  } else {
    [domain, remainder] = [DEFAULT_DOMAIN, name];
  }
  if (domain === DEFAULT_DOMAIN && !remainder.includes('/')) remainder = OFFICIAL_REPO_PREFIX + remainder;
  return { domain, remainder };
}

function normalizedParts(input: string): ImageReference {
  const { domain, remainder } = splitDockerDomain(input);
  const m = REFERENCE_RE.exec(`${domain}/${remainder}`)!;
  const name = NAME_RE.exec(m[1]!)!;
  return {
    domain: name[1] ?? '',
    path: name[2]!,
    ...(m[2] !== undefined ? { tag: m[2] } : {}),
    ...(m[3] !== undefined ? { digest: m[3] } : {}),
  };
}

// ---- formatting -------------------------------------------------------------------------------

/** "docker.io/library/ubuntu" — domain and path, no tag or digest. */
export function repositoryName(ref: ImageReference): string {
  return ref.domain === '' ? ref.path : `${ref.domain}/${ref.path}`;
}

/** Fully qualified: "docker.io/library/ubuntu:22.04", "localhost:5000/app@sha256:…". */
export function canonicalString(ref: ImageReference): string {
  return repositoryName(ref) + (ref.tag !== undefined ? `:${ref.tag}` : '') + (ref.digest !== undefined ? `@${ref.digest}` : '');
}

/** What `docker` prints: docker.io and library/ dropped ("ubuntu:22.04", "team/app", "localhost:5000/app"). */
export function familiarString(ref: ImageReference): string {
  let name = repositoryName(ref);
  if (ref.domain === DEFAULT_DOMAIN) {
    name = ref.path;
    if (name.startsWith(OFFICIAL_REPO_PREFIX) && !name.slice(OFFICIAL_REPO_PREFIX.length).includes('/')) {
      name = name.slice(OFFICIAL_REPO_PREFIX.length);
    }
  }
  return name + (ref.tag !== undefined ? `:${ref.tag}` : '') + (ref.digest !== undefined ? `@${ref.digest}` : '');
}

/** Adds ":latest" when neither tag nor digest is given, like docker does. */
export function withDefaultTag(ref: ImageReference): ImageReference {
  return ref.tag === undefined && ref.digest === undefined ? { ...ref, tag: DEFAULT_TAG } : ref;
}

/** The host:port that serves the Registry API for this reference's domain. */
export function registryApiHost(domain: string): string {
  return domain === DEFAULT_DOMAIN || domain === LEGACY_DEFAULT_DOMAIN ? DOCKER_HUB_API_HOST : domain;
}

/** A tag on its own, checked before we build "repo:tag" from user input. */
export function checkTag(tag: string): ReferenceProblem | undefined {
  if (TAG_RE.test(tag)) return undefined;
  return explainTag(tag);
}

// ---- explanations -----------------------------------------------------------------------------

function problem(code: ReferenceProblemCode, message: LocalizableMessage): ReferenceProblem {
  return { code, message };
}

function explain(input: string, verdict: Verdict): ReferenceProblem {
  if (input === '') {
    return problem('empty', msg('The image reference is empty. Write it as [registry/]repository[:tag], for example {0}.', EXAMPLE));
  }
  if (/\s/.test(input)) {
    return problem('whitespace', msg('The image reference "{0}" contains spaces. References cannot contain spaces or line breaks; remove them.', input));
  }
  const scheme = /^[a-zA-Z][a-zA-Z0-9+.-]*:\/\//.exec(input);
  if (scheme) {
    return problem('scheme', msg('Image references have no "{0}" in front: write "{1}" instead of "{2}". Whether HTTP or HTTPS is used is decided by the registry settings, not by the reference.', scheme[0], input.slice(scheme[0].length), input));
  }
  switch (verdict) {
    case 'identifier':
      return problem('identifier', msg('"{0}" is 64 hexadecimal characters, which Docker reads as an image ID, not a repository name. Use the ID with image commands directly, or choose a name such as {1}.', input, EXAMPLE));
    case 'too-long':
      return problem('name-too-long', msg('The repository name in "{0}" is longer than {1} characters (the registry limit). Choose a shorter name.', input, MAX_PATH_LENGTH));
    case 'digest-unsupported': {
      const d = input.slice(input.indexOf('@') + 1);
      return problem('digest-unsupported', msg('The digest "{0}" uses an algorithm Docker does not support. Use sha256 (or sha384/sha512), for example @sha256:<64 hex characters>.', d));
    }
    case 'digest-length': {
      const d = input.slice(input.indexOf('@') + 1);
      const algorithm = d.slice(0, d.indexOf(':'));
      return problem('digest-length', msg('The digest "{0}" has the wrong length: a {1} digest has exactly {2} hexadecimal characters after "{1}:". Copy the whole digest.', d, algorithm, DIGEST_ALGORITHMS[algorithm] ?? 0));
    }
    default:
      break;
  }
  return explainStructure(input, verdict);
}

/** Finds which part (digest, tag, registry, repository path) breaks the grammar. */
function explainStructure(input: string, verdict: Verdict): ReferenceProblem {
  let rest = input;
  const at = rest.indexOf('@');
  if (at >= 0) {
    const d = rest.slice(at + 1);
    if (!DIGEST_RE.test(d) || checkDigest(d) === 'digest-format') {
      return problem('digest-invalid', msg('The digest "{0}" is not valid. A digest looks like sha256: followed by 64 lowercase hexadecimal characters (0-9, a-f).', d));
    }
    rest = rest.slice(0, at);
  }
  if (rest.startsWith('[') && !rest.includes('/')) {
    return problem('registry-only', msg('"{0}" names only a registry address. Add the repository after a slash, for example {0}/goapp:1.0.', rest));
  }
  const lastSlash = rest.lastIndexOf('/');
  const tagColon = rest.indexOf(':', lastSlash + 1);
  if (tagColon >= 0) {
    const t = rest.slice(tagColon + 1);
    const tagProblem = TAG_RE.test(t) ? undefined : explainTag(t);
    if (tagProblem) return tagProblem;
    rest = rest.slice(0, tagColon);
  }
  const parts = rest.split('/');
  if (parts.some((p) => p === '')) {
    return problem('empty-component', msg('"{0}" has an empty part: a slash at the start or end, or two slashes in a row. Parts of a name are separated by single slashes, as in {1}.', input, EXAMPLE));
  }
  const first = parts[0]!;
  const firstIsDomain = parts.length > 1 && (first === 'localhost' || /[.:]/.test(first) || first.toLowerCase() !== first);
  if (firstIsDomain && !DOMAIN_RE.test(first)) {
    return problem('domain-invalid', msg('The registry address "{0}" is not valid. It must be a host name or IP address with an optional numeric port, such as localhost:5000, 192.168.0.10:5000 or registry.example.com.', first));
  }
  const pathParts = firstIsDomain ? parts.slice(1) : parts;
  for (const part of pathParts) {
    if (part.toLowerCase() !== part) {
      return problem('uppercase', msg('The repository name "{0}" contains capital letters. Repository names must be lowercase (tags may use capitals): use "{1}".', part, part.toLowerCase()));
    }
    if (!PATH_COMPONENT_RE.test(part)) {
      return problem('path-component-invalid', msg('"{0}" is not a valid repository name part. Use lowercase letters and digits, separated by single ".", "_", "__" or dashes; a part cannot start or end with a separator.', part));
    }
  }
  if (verdict === 'uppercase') {
    return problem('uppercase', msg('The repository name in "{0}" contains capital letters. Repository names must be lowercase; only the tag may use capitals.', input));
  }
  return problem('invalid-format', msg('"{0}" is not a valid image reference. Write it as [registry[:port]/]repository[:tag][@digest], for example {1}.', input, EXAMPLE));
}

function explainTag(t: string): ReferenceProblem {
  if (t === '') return problem('tag-empty', msg('The tag after ":" is empty. Write a tag such as 1.0 or latest, or leave out the ":" to get "latest".'));
  if (t.length > MAX_TAG_LENGTH) return problem('tag-too-long', msg('The tag "{0}…" is longer than {1} characters. Choose a shorter tag.', t.slice(0, 20), MAX_TAG_LENGTH));
  if (/^[.-]/.test(t)) return problem('tag-invalid', msg('The tag "{0}" starts with "{1}". Tags must start with a letter, digit or underscore.', t, t[0]!));
  return problem('tag-invalid', msg('The tag "{0}" contains characters that are not allowed. Tags may use letters, digits, "_", "." and "-" only (no "/", ":", "+" or spaces).', t));
}
