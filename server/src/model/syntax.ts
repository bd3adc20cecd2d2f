// The Dockerfile vocabulary as data: instructions, their flags, RUN --mount types and keys, and
// parser directives. Completion, hover, validation rules and semantic tokens all read this table,
// so a new flag is added in one place.

export type FlagValueKind = 'none' | 'string' | 'boolean' | 'duration' | 'integer' | 'platform' | 'stage' | 'chown' | 'chmod' | 'mount' | 'enum';

export interface FlagSpec {
  name: string;
  kind: FlagValueKind;
  /** Allowed values for `enum` flags. */
  values?: string[];
  /** May appear more than once (`--mount`, `--exclude`). */
  repeatable?: boolean;
  /** Needs the `# syntax=docker/dockerfile:1-labs` frontend or a recent BuildKit. */
  labs?: boolean;
  /** Example value used in snippets and docs. */
  example?: string;
}

export interface InstructionSpec {
  name: string;
  flags: FlagSpec[];
  /** Snippet body for completion (LSP snippet syntax), without the keyword. */
  snippet: string;
  /** Accepts heredocs (`<<EOF`). */
  heredoc?: boolean;
  /** Accepts the exec (JSON array) form. */
  execForm?: boolean;
  /** Adds a filesystem layer to the image. */
  makesLayer?: boolean;
  deprecated?: boolean;
}

const chown: FlagSpec = { name: 'chown', kind: 'chown', example: 'app:app' };
const chmod: FlagSpec = { name: 'chmod', kind: 'chmod', example: '755' };
const link: FlagSpec = { name: 'link', kind: 'boolean' };

export const INSTRUCTIONS: InstructionSpec[] = [
  { name: 'FROM', flags: [{ name: 'platform', kind: 'platform', example: 'linux/amd64' }], snippet: '${1:image}:${2:tag}' },
  {
    name: 'RUN',
    flags: [
      { name: 'mount', kind: 'mount', repeatable: true, example: 'type=cache,target=/root/.cache' },
      { name: 'network', kind: 'enum', values: ['default', 'none', 'host'] },
      { name: 'security', kind: 'enum', values: ['sandbox', 'insecure'], labs: true },
    ],
    snippet: '${1:command}',
    heredoc: true,
    execForm: true,
    makesLayer: true,
  },
  { name: 'CMD', flags: [], snippet: '[ "${1:executable}", "${2:param}" ]', execForm: true },
  { name: 'LABEL', flags: [], snippet: '${1:key}="${2:value}"' },
  { name: 'MAINTAINER', flags: [], snippet: '${1:name}', deprecated: true },
  { name: 'EXPOSE', flags: [], snippet: '${1:80}' },
  { name: 'ENV', flags: [], snippet: '${1:KEY}="${2:value}"' },
  {
    name: 'ADD',
    flags: [chown, chmod, link, { name: 'checksum', kind: 'string', example: 'sha256:…' }, { name: 'keep-git-dir', kind: 'boolean' }, { name: 'exclude', kind: 'string', repeatable: true, labs: true }, { name: 'unpack', kind: 'boolean' }],
    snippet: '${1:source} ${2:dest}',
    heredoc: true,
    execForm: true,
    makesLayer: true,
  },
  {
    name: 'COPY',
    flags: [{ name: 'from', kind: 'stage', example: 'build' }, chown, chmod, link, { name: 'parents', kind: 'boolean', labs: true }, { name: 'exclude', kind: 'string', repeatable: true, labs: true }],
    snippet: '${1:source} ${2:dest}',
    heredoc: true,
    execForm: true,
    makesLayer: true,
  },
  { name: 'ENTRYPOINT', flags: [], snippet: '[ "${1:executable}", "${2:param}" ]', execForm: true },
  { name: 'VOLUME', flags: [], snippet: '[ "${1:/data}" ]', execForm: true },
  { name: 'USER', flags: [], snippet: '${1:user}' },
  { name: 'WORKDIR', flags: [], snippet: '${1:/app}' },
  { name: 'ARG', flags: [], snippet: '${1:name}' },
  { name: 'ONBUILD', flags: [], snippet: '${1:INSTRUCTION}' },
  { name: 'STOPSIGNAL', flags: [], snippet: '${1:SIGTERM}' },
  {
    name: 'HEALTHCHECK',
    flags: [
      { name: 'interval', kind: 'duration', example: '30s' },
      { name: 'timeout', kind: 'duration', example: '30s' },
      { name: 'start-period', kind: 'duration', example: '5s' },
      { name: 'start-interval', kind: 'duration', example: '5s' },
      { name: 'retries', kind: 'integer', example: '3' },
    ],
    snippet: '--interval=${1:30s} --timeout=${2:30s} --start-period=${3:5s} --retries=${4:3} CMD ${5:command}',
  },
  { name: 'SHELL', flags: [], snippet: '[ "${1:executable}", "${2:parameters}" ]', execForm: true },
];

export const INSTRUCTION_NAMES = INSTRUCTIONS.map((i) => i.name);
const byName = new Map(INSTRUCTIONS.map((i) => [i.name, i]));

export function instructionSpec(name: string): InstructionSpec | undefined {
  return byName.get(name.toUpperCase());
}

export interface MountTypeSpec {
  type: string;
  keys: { name: string; kind: 'string' | 'boolean' | 'integer' | 'enum'; values?: string[]; required?: boolean }[];
}

/** `RUN --mount=type=…` types and the keys each accepts (BuildKit reference). */
export const MOUNT_TYPES: MountTypeSpec[] = [
  {
    type: 'bind',
    keys: [
      { name: 'target', kind: 'string', required: true },
      { name: 'source', kind: 'string' },
      { name: 'from', kind: 'string' },
      { name: 'rw', kind: 'boolean' },
      { name: 'readwrite', kind: 'boolean' },
    ],
  },
  {
    type: 'cache',
    keys: [
      { name: 'id', kind: 'string' },
      { name: 'target', kind: 'string', required: true },
      { name: 'ro', kind: 'boolean' },
      { name: 'readonly', kind: 'boolean' },
      { name: 'sharing', kind: 'enum', values: ['shared', 'private', 'locked'] },
      { name: 'from', kind: 'string' },
      { name: 'source', kind: 'string' },
      { name: 'mode', kind: 'string' },
      { name: 'uid', kind: 'integer' },
      { name: 'gid', kind: 'integer' },
    ],
  },
  {
    type: 'tmpfs',
    keys: [
      { name: 'target', kind: 'string', required: true },
      { name: 'size', kind: 'integer' },
    ],
  },
  {
    type: 'secret',
    keys: [
      { name: 'id', kind: 'string' },
      { name: 'target', kind: 'string' },
      { name: 'env', kind: 'string' },
      { name: 'required', kind: 'boolean' },
      { name: 'mode', kind: 'string' },
      { name: 'uid', kind: 'integer' },
      { name: 'gid', kind: 'integer' },
    ],
  },
  {
    type: 'ssh',
    keys: [
      { name: 'id', kind: 'string' },
      { name: 'target', kind: 'string' },
      { name: 'required', kind: 'boolean' },
      { name: 'mode', kind: 'string' },
      { name: 'uid', kind: 'integer' },
      { name: 'gid', kind: 'integer' },
    ],
  },
];

export interface DirectiveSpec {
  name: string;
  snippet: string;
  values?: string[];
}

export const DIRECTIVES: DirectiveSpec[] = [
  { name: 'syntax', snippet: 'syntax=${1:docker/dockerfile:1}', values: ['docker/dockerfile:1', 'docker/dockerfile:1-labs'] },
  { name: 'escape', snippet: 'escape=${1|\\\\,`|}', values: ['\\', '`'] },
  { name: 'check', snippet: 'check=${1|skip=,error=true,experimental=all|}', values: ['skip=', 'error=true', 'experimental=all'] },
];

/** Variables BuildKit defines without an ARG (they still need `ARG NAME` to be used in a stage). */
export const PREDEFINED_ARGS = [
  'HTTP_PROXY', 'http_proxy', 'HTTPS_PROXY', 'https_proxy', 'FTP_PROXY', 'ftp_proxy', 'NO_PROXY', 'no_proxy', 'ALL_PROXY', 'all_proxy',
];

/** Platform args set automatically by BuildKit in the global scope. */
export const AUTOMATIC_PLATFORM_ARGS = [
  'TARGETPLATFORM', 'TARGETOS', 'TARGETARCH', 'TARGETVARIANT', 'BUILDPLATFORM', 'BUILDOS', 'BUILDARCH', 'BUILDVARIANT',
  'BUILDKIT_SYNTAX', 'BUILDKIT_INLINE_CACHE', 'BUILDKIT_MULTI_PLATFORM', 'BUILDKIT_SANDBOX_HOSTNAME', 'BUILDKIT_CONTEXT_KEEP_GIT_DIR', 'SOURCE_DATE_EPOCH',
];
