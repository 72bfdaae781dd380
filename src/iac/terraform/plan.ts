import { unknown } from '../../core/resource.js';
import type { IacBlock, IacDocument, IacIo, IacRef } from '../model.js';
import { isObj, type Obj } from './values.js';

/**
 * `terraform show -json <planfile>`: the planned values are resolved already; what Terraform knows only after
 * apply (`after_unknown`) becomes Unknown, or a reference when the configuration says which resource it comes from.
 */

const dropNulls = (v: unknown): unknown => {
  if (Array.isArray(v)) return v.map(dropNulls);
  if (isObj(v)) {
    const out: Obj = {};
    for (const [k, x] of Object.entries(v)) if (x !== null) out[k] = dropNulls(x);
    return out;
  }
  return v;
};

/** First line of each `"address": "…"` in the text, in one pass. */
function addressLines(text: string): Map<string, number> {
  const out = new Map<string, number>();
  const re = /"address"\s*:\s*"((?:[^"\\]|\\.)*)"/g;
  let line = 1;
  let last = 0;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    for (let i = text.indexOf('\n', last); i >= 0 && i < m.index; i = text.indexOf('\n', i + 1)) line++;
    last = m.index;
    let address: string;
    try {
      address = JSON.parse(`"${m[1]}"`) as string;
    } catch {
      continue;
    }
    if (!out.has(address)) out.set(address, line);
  }
  return out;
}

interface PlannedResource {
  address: string;
  type: string;
  values: Obj;
  /** Module path of the resource, `module.a.module.b` ('' at the root), instance keys included. */
  module: string;
}

function plannedResources(mod: unknown, out: PlannedResource[]): void {
  if (!isObj(mod)) return;
  const moduleAddress = typeof mod.address === 'string' ? mod.address : '';
  for (const r of Array.isArray(mod.resources) ? mod.resources : []) {
    if (!isObj(r) || r.mode !== 'managed' || typeof r.address !== 'string' || typeof r.type !== 'string') continue;
    out.push({ address: r.address, type: r.type, values: isObj(r.values) ? r.values : {}, module: moduleAddress });
  }
  for (const c of Array.isArray(mod.child_modules) ? mod.child_modules : []) plannedResources(c, out);
}

/** `module.a["x"].module.b[0]` → the configuration's module path `a.b`. */
const configPath = (module: string): string[] =>
  module === '' ? [] : [...module.matchAll(/module\.([^.[]+)/g)].map((m) => m[1] as string);

/** The configuration of a resource: its expressions and provider key. */
function configOf(configuration: unknown, module: string, address: string): Obj | undefined {
  if (!isObj(configuration)) return undefined;
  let mod: unknown = configuration.root_module;
  for (const name of configPath(module)) {
    if (!isObj(mod) || !isObj(mod.module_calls)) return undefined;
    const call = mod.module_calls[name];
    mod = isObj(call) ? call.module : undefined;
  }
  if (!isObj(mod) || !Array.isArray(mod.resources)) return undefined;
  const local = (module === '' ? address : address.slice(module.length + 1)).replace(/\[[^\]]*\]$/, '');
  return mod.resources.find((r): r is Obj => isObj(r) && r.address === local);
}

const REF = /^((?:[A-Za-z_][\w-]*)\.(?:[A-Za-z_][\w-]*))((?:\[[^\]]+\])?)(?:\.(.+))?$/;

/** A configuration expression's references → the reference to a block of the plan, when one is. */
function refOf(refs: unknown, module: string, addresses: ReadonlySet<string>): IacRef | undefined {
  if (!Array.isArray(refs)) return undefined;
  let bare: IacRef | undefined;
  for (const r of refs) {
    if (typeof r !== 'string' || /^(var|local|data|module|each|count|path|self)\./.test(r)) continue;
    const m = REF.exec(r);
    if (!m) continue;
    const base = `${module === '' ? '' : `${module}.`}${m[1]}`;
    const address = addresses.has(`${base}${m[2]}`) ? `${base}${m[2]}` : addresses.has(base) ? base : undefined;
    if (!address) continue;
    if (m[3]) return { $ref: address, attr: m[3] };
    bare ??= { $ref: address };
  }
  return bare;
}

/** Applies after_unknown (true leaves) to the props, with the configuration's expressions at the same paths. */
function markUnknown(
  props: Obj | unknown[],
  unknownTree: unknown,
  expressions: unknown,
  module: string,
  addresses: ReadonlySet<string>,
): void {
  const entries: Array<[string | number, unknown]> = Array.isArray(unknownTree)
    ? unknownTree.map((v, i) => [i, v])
    : isObj(unknownTree)
      ? Object.entries(unknownTree)
      : [];
  for (const [k, u] of entries) {
    const expr = Array.isArray(expressions)
      ? expressions[k as number]
      : isObj(expressions)
        ? expressions[k as string]
        : undefined;
    const target = props as Record<string | number, unknown>;
    if (u === true) {
      const ref = isObj(expr) ? refOf(expr.references, module, addresses) : undefined;
      target[k] = ref ?? unknown('known after apply');
    } else if (isObj(u) || Array.isArray(u)) {
      let child = target[k];
      if (!isObj(child) && !Array.isArray(child)) {
        child = Array.isArray(u) ? [] : {};
        target[k] = child;
      }
      markUnknown(child as Obj | unknown[], u, expr, module, addresses);
    }
  }
}

function providerRegion(configuration: unknown, key: unknown, variables: unknown): string | undefined {
  if (!isObj(configuration) || !isObj(configuration.provider_config)) return undefined;
  const p = configuration.provider_config[typeof key === 'string' ? key : 'aws'];
  if (!isObj(p) || !isObj(p.expressions) || !isObj(p.expressions.region)) return undefined;
  const r = p.expressions.region;
  if (typeof r.constant_value === 'string') return r.constant_value;
  const ref = Array.isArray(r.references) ? r.references[0] : undefined;
  if (typeof ref === 'string' && ref.startsWith('var.') && isObj(variables)) {
    const v = variables[ref.slice(4)];
    if (isObj(v) && typeof v.value === 'string') return v.value;
  }
  return undefined;
}

export function loadPlan(file: string, io: IacIo): IacDocument | undefined {
  const text = io.readText(file);
  if (text === undefined) return undefined;
  let plan: unknown;
  try {
    plan = JSON.parse(text);
  } catch {
    return undefined;
  }
  if (!isObj(plan) || !('format_version' in plan) || !('planned_values' in plan || 'resource_changes' in plan)) {
    return undefined;
  }
  const resources: PlannedResource[] = [];
  if (isObj(plan.planned_values)) plannedResources(plan.planned_values.root_module, resources);
  const changes = new Map<string, Obj>();
  for (const c of Array.isArray(plan.resource_changes) ? plan.resource_changes : []) {
    if (isObj(c) && typeof c.address === 'string' && isObj(c.change)) changes.set(c.address, c);
  }
  if (!isObj(plan.planned_values)) {
    for (const c of changes.values()) {
      const change = c.change as Obj;
      const actions = Array.isArray(change.actions) ? change.actions : [];
      if (c.mode !== 'managed' || typeof c.type !== 'string' || (actions.length === 1 && actions[0] === 'delete')) {
        continue;
      }
      const module = typeof c.module_address === 'string' ? c.module_address : '';
      resources.push({
        address: c.address as string,
        type: c.type,
        values: isObj(change.after) ? change.after : {},
        module,
      });
    }
  }
  const addresses = new Set(resources.map((r) => r.address));
  const lines = addressLines(text);
  const blocks: IacBlock[] = resources.map((r) => {
    const props = dropNulls(r.values) as Obj;
    const config = configOf(plan.configuration, r.module, r.address);
    const change = changes.get(r.address);
    const after = isObj(change?.change) ? change.change : undefined;
    if (after?.after_unknown !== undefined) {
      markUnknown(props, after.after_unknown, config?.expressions, r.module, addresses);
    }
    const region = r.type.startsWith('aws_')
      ? providerRegion(plan.configuration, config?.provider_config_key, plan.variables)
      : undefined;
    return {
      format: 'terraform',
      file,
      line: lines.get(r.address) ?? 1,
      address: r.address,
      type: r.type,
      props,
      lines: {},
      suppressions: [],
      ...(region !== undefined ? { region } : {}),
    };
  });
  const inputs: NonNullable<IacDocument['inputs']> = [];
  if (isObj(plan.variables)) {
    for (const [name, v] of Object.entries(plan.variables)) {
      if (isObj(v)) inputs.push({ name, value: v.value, file, line: 1 });
    }
  }
  return { format: 'terraform', root: file, blocks, problems: [], files: [file], inputs };
}
