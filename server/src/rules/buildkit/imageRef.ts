// Is a string a valid image reference (`name[:tag][@digest]`) as `docker pull` reads it?
// Written from the distribution reference grammar; used by InvalidDefaultArgInFrom and the FROM
// syntax check.
const domainComponent = '(?:[a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9])';
const domain = `(?:${domainComponent}(?:\\.${domainComponent})*|\\[[0-9a-fA-F:.]+\\])(?::[0-9]+)?`;
const pathComponent = '[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*';
const name = `(?:${domain}/)?${pathComponent}(?:/${pathComponent})*`;
const tag = '[\\w][\\w.-]{0,127}';
const digest = '[A-Za-z][A-Za-z0-9]*(?:[-_+.][A-Za-z][A-Za-z0-9]*)*:[0-9a-fA-F]{32,}';
const REFERENCE = new RegExp(`^(${name})(?::(${tag}))?(?:@(${digest}))?$`);

export function isValidImageReference(ref: string): boolean {
  if (ref === '' || ref.length > 512) return false;
  const m = REFERENCE.exec(ref);
  return m !== null && m[1].length <= 255;
}
