/**
 * The image-reference grammar of the distribution project (github.com/distribution/reference,
 * regexp.go), rebuilt piece by piece so each rule can also be tested on its own when we explain
 * why an input is invalid. Go's RE2 and JavaScript agree on these patterns: both match leftmost
 * first, `\w` is [A-Za-z0-9_] in both, and `[[:xdigit:]]` is written out as [0-9A-Fa-f].
 *
 *   reference        := name [ ":" tag ] [ "@" digest ]
 *   name             := [domain '/'] remote-name
 *   domain           := host [':' port-number]
 *   host             := domain-name | '[' IPv6address ']'
 *   domain-name      := domain-component ('.' domain-component)*
 *   domain-component := [a-zA-Z0-9] | [a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9]
 *   remote-name      := path-component ('/' path-component)*
 *   path-component   := [a-z0-9]+ (separator [a-z0-9]+)*
 *   separator        := [_.] | '__' | '-'+
 *   tag              := [\w][\w.-]{0,127}
 *   digest           := algorithm ':' hex (32+ hex digits; the algorithm fixes the exact length)
 */

const alphanumeric = '[a-z0-9]+';
const separator = '(?:[._]|__|[-]+)';
const domainNameComponent = '(?:[a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9])';
const optionalPort = '(?::[0-9]+)?';
const tag = '[\\w][\\w.-]{0,127}';
const digest = '[A-Za-z][A-Za-z0-9]*(?:[-_+.][A-Za-z][A-Za-z0-9]*)*[:][0-9A-Fa-f]{32,}';
const identifier = '[a-f0-9]{64}';
const ipv6address = '\\[(?:[a-fA-F0-9:]+)\\]';
const domainName = `${domainNameComponent}(?:\\.${domainNameComponent})*`;
const host = `(?:${domainName}|${ipv6address})`;
const domainAndPort = host + optionalPort;
const pathComponent = `${alphanumeric}(?:${separator}${alphanumeric})*`;
const remoteName = `${pathComponent}(?:/${pathComponent})*`;
const namePattern = `(?:${domainAndPort}/)?${remoteName}`;

const anchored = (p: string) => new RegExp(`^${p}$`);

/** name, tag, digest captured; the whole input must match. */
export const REFERENCE_RE = anchored(`(${namePattern})(?::(${tag}))?(?:@(${digest}))?`);
/** Splits a matched name into domain (may be undefined) and path. */
export const NAME_RE = anchored(`(?:(${domainAndPort})/)?(${remoteName})`);
export const TAG_RE = anchored(tag);
export const DIGEST_RE = anchored(digest);
export const IDENTIFIER_RE = anchored(identifier);
export const DOMAIN_RE = anchored(domainAndPort);
export const PATH_COMPONENT_RE = anchored(pathComponent);

/** distribution's RepositoryNameTotalLengthMax: the path (without domain) may not be longer. */
export const MAX_PATH_LENGTH = 255;
export const MAX_TAG_LENGTH = 128;

/**
 * Digest algorithms a Docker client accepts (go-digest registers these) and the exact length of
 * their lowercase hex encoding. Anything else that is well formed is "unsupported".
 */
export const DIGEST_ALGORITHMS: Readonly<Record<string, number>> = { sha256: 64, sha384: 96, sha512: 128 };

export const DEFAULT_DOMAIN = 'docker.io';
export const LEGACY_DEFAULT_DOMAIN = 'index.docker.io';
export const OFFICIAL_REPO_PREFIX = 'library/';
export const DEFAULT_TAG = 'latest';
/** Where Docker Hub's Registry API actually answers (docker.io is only the name in references). */
export const DOCKER_HUB_API_HOST = 'registry-1.docker.io';
