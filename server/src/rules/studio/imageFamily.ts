// Which package manager a base image has, guessed from its name and tag. Conservative: an image
// we do not recognise has an unknown family, and rules stay quiet about it.
export type Family = 'alpine' | 'debian' | 'rhel' | 'suse' | undefined;

const DEBIAN_TAG = /(^|[-.])(bookworm|bullseye|buster|stretch|jessie|trixie|sid|slim|focal|jammy|noble|bionic|xenial|oracular|plucky)([-.]|$)/;
/** Official images whose default variant is Debian-based. */
const DEBIAN_DEFAULT = new Set(['debian', 'ubuntu', 'node', 'python', 'golang', 'ruby', 'php', 'perl', 'rust', 'nginx', 'httpd', 'postgres', 'redis', 'buildpack-deps', 'gcc', 'haskell', 'julia', 'elixir', 'erlang', 'pypy', 'wordpress', 'drupal', 'ghost', 'memcached', 'rabbitmq', 'mongo', 'cassandra', 'tomcat', 'eclipse-temurin', 'kalilinux/kali-rolling', 'bitnami/minideb']);
const RHEL_NAMES = /^(fedora|centos|rockylinux|almalinux|amazonlinux|oraclelinux|(redhat|rockylinux|almalinux)\/.*|ubi\d*|ubi\d+\/.*|ubi\d+-minimal|mariner|cbl-mariner\/.*|quay\.io\/centos\/.*)$/;

export function imageFamily(image: string): Family {
  if (!image || image.includes('$')) return undefined;
  const ref = image.toLowerCase().replace(/@.*$/, '');
  const colon = ref.lastIndexOf(':');
  const hasTag = colon > ref.lastIndexOf('/');
  let name = hasTag ? ref.slice(0, colon) : ref;
  const tag = hasTag ? ref.slice(colon + 1) : '';
  name = name.replace(/^(docker\.io\/)?(library\/)?/, '').replace(/^registry\.access\.redhat\.com\//, 'redhat/').replace(/^mcr\.microsoft\.com\//, '');
  const last = name.slice(name.lastIndexOf('/') + 1);
  if (name === 'scratch') return undefined;
  if (last === 'alpine' || /(^|[-.])alpine/.test(tag)) return 'alpine';
  if (RHEL_NAMES.test(name) || RHEL_NAMES.test(last) || /(^|[-.])(ubi\d*|centos\d*|rockylinux|almalinux|fedora|amazonlinux\d*|oraclelinux\d*|ol\d+)([-.]|$)/.test(tag)) return 'rhel';
  if (/^(opensuse\/.*|suse\/.*|registry\.suse\.com\/.*)$/.test(name)) return 'suse';
  if (DEBIAN_TAG.test(tag) || last === 'debian' || last === 'ubuntu') return 'debian';
  if (DEBIAN_DEFAULT.has(name) && !/windows|nanoserver|servercore|ltsc/.test(tag)) return 'debian';
  return undefined;
}

/** Package managers and the family that has them. */
export const MANAGER_FAMILY: Record<string, Exclude<Family, undefined>> = {
  'apt-get': 'debian',
  apt: 'debian',
  aptitude: 'debian',
  apk: 'alpine',
  yum: 'rhel',
  dnf: 'rhel',
  microdnf: 'rhel',
  zypper: 'suse',
};

export const FAMILY_MANAGER: Record<Exclude<Family, undefined>, string> = { debian: 'apt-get', alpine: 'apk', rhel: 'dnf/yum', suse: 'zypper' };
