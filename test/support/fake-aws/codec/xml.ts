/**
 * Schema-driven XML for awsQuery / ec2Query responses and restXml bodies: member names from `xmlName`
 * (ec2: lowerCamel), lists wrapped in `<member>` (ec2: `<item>`, from the model) unless `xmlFlattened`,
 * maps as `<entry><key/><value/></entry>`, timestamps in ISO 8601.
 */
import {
  checkMembers,
  DATE_TIME,
  isRecord,
  lowerFirst,
  members,
  type NormalizedSchema,
  ShapeError,
  scalarFromText,
  scalarText,
} from '../schema.js';

export interface XmlOptions {
  /** ec2Query: members without an `xmlName` are written lowerCamel. */
  ec2?: boolean;
}

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' };
export const escapeXml = (text: string): string => text.replace(/[&<>"']/g, (c) => ESCAPES[c] ?? c);

export function element(name: string, content: string, attributes: Record<string, string> = {}): string {
  const attrs = Object.entries(attributes)
    .map(([k, v]) => ` ${k}="${escapeXml(v)}"`)
    .join('');
  return content === '' ? `<${name}${attrs}/>` : `<${name}${attrs}>${content}</${name}>`;
}

function namespaceAttributes(ns: NormalizedSchema): Record<string, string> {
  const xmlns = ns.getMergedTraits().xmlNamespace;
  if (!Array.isArray(xmlns) || !xmlns[1]) return {};
  return { [xmlns[0] ? `xmlns:${xmlns[0]}` : 'xmlns']: xmlns[1] };
}

function memberElementName(member: NormalizedSchema, name: string, opts: XmlOptions): string {
  return member.getMemberTraits().xmlName ?? (opts.ec2 ? lowerFirst(name) : name);
}

/**
 * Writes the members of a structure (the inside of its element) and its xmlAttribute members.
 * `skip` leaves out members bound elsewhere (HTTP headers, status).
 */
export function xmlMembers(
  ns: NormalizedSchema,
  value: unknown,
  opts: XmlOptions,
  path: string,
  skip: (name: string) => boolean = () => false,
): { content: string; attributes: Record<string, string> } {
  const record = checkMembers(ns, value, path);
  let content = '';
  const attributes: Record<string, string> = {};
  for (const [name, member] of members(ns)) {
    const v = record[name];
    if (v == null || skip(name)) continue;
    const xmlName = memberElementName(member, name, opts);
    if (member.getMergedTraits().xmlAttribute) {
      attributes[xmlName] = scalarText(member, v, `${path}.${name}`, DATE_TIME);
    } else {
      content += xmlValue(xmlName, member, v, opts, `${path}.${name}`);
    }
  }
  return { content, attributes };
}

/** Writes one value as the element(s) `name`. */
export function xmlValue(name: string, ns: NormalizedSchema, value: unknown, opts: XmlOptions, path: string): string {
  if (ns.isListSchema()) {
    if (!Array.isArray(value)) throw new ShapeError(`${path}: expected an array`);
    const item = ns.getValueSchema();
    const flat = !!ns.getMergedTraits().xmlFlattened;
    const itemName = flat ? name : (item.getMergedTraits().xmlName ?? 'member');
    const items = value
      .filter((v) => v != null)
      .map((v, i) => xmlValue(itemName, item, v, opts, `${path}[${i}]`))
      .join('');
    return flat ? items : element(name, items, namespaceAttributes(ns));
  }
  if (ns.isMapSchema()) {
    if (!isRecord(value)) throw new ShapeError(`${path}: expected an object (map)`);
    const keyNs = ns.getKeySchema();
    const valueNs = ns.getValueSchema();
    const keyName = keyNs.getMergedTraits().xmlName ?? 'key';
    const valueName = valueNs.getMergedTraits().xmlName ?? 'value';
    const flat = !!ns.getMergedTraits().xmlFlattened;
    const entries = Object.entries(value)
      .filter(([, v]) => v != null)
      .map(([k, v]) => {
        const inner = xmlValue(keyName, keyNs, k, opts, path) + xmlValue(valueName, valueNs, v, opts, `${path}.${k}`);
        return element(flat ? name : 'entry', inner);
      })
      .join('');
    return flat ? entries : element(name, entries, namespaceAttributes(ns));
  }
  if (ns.isStructSchema()) {
    const { content, attributes } = xmlMembers(ns, value, opts, path);
    return element(name, content, { ...namespaceAttributes(ns), ...attributes });
  }
  return element(name, escapeXml(scalarText(ns, value, path, DATE_TIME)), namespaceAttributes(ns));
}

const asArray = (v: unknown): unknown[] => (v == null ? [] : Array.isArray(v) ? v : [v]);

/** Reads a value parsed by @aws-sdk/xml-builder's parseXML back into the SDK's shape (restXml request bodies). */
export function readXml(ns: NormalizedSchema, value: unknown): unknown {
  if (ns.isListSchema()) {
    const item = ns.getValueSchema();
    const flat = !!ns.getMergedTraits().xmlFlattened;
    const source = flat ? value : isRecord(value) ? value[item.getMergedTraits().xmlName ?? 'member'] : undefined;
    return asArray(source).map((v) => readXml(item, v));
  }
  if (ns.isMapSchema()) {
    const keyName = ns.getKeySchema().getMergedTraits().xmlName ?? 'key';
    const valueNs = ns.getValueSchema();
    const valueName = valueNs.getMergedTraits().xmlName ?? 'value';
    const entries = ns.getMergedTraits().xmlFlattened ? asArray(value) : asArray(isRecord(value) ? value.entry : []);
    const out: Record<string, unknown> = {};
    for (const entry of entries) {
      if (isRecord(entry)) out[String(entry[keyName])] = readXml(valueNs, entry[valueName]);
    }
    return out;
  }
  if (ns.isStructSchema()) {
    const out: Record<string, unknown> = {};
    if (!isRecord(value)) return out;
    for (const [name, member] of members(ns)) {
      const v = value[member.getMemberTraits().xmlName ?? name];
      if (v != null) out[name] = readXml(member, v);
    }
    return out;
  }
  const text = typeof value === 'string' ? value : isRecord(value) ? String(value['#text'] ?? '') : '';
  return scalarFromText(ns, text, DATE_TIME);
}
