import { type SMap, type SNode, str } from './parse.js';

/**
 * `Fn::ForEach::<Loop>: [Identifier, Collection, { OutputKey: Template }]` (AWS::LanguageExtensions): the copies of
 * the template for each collection value. In the output key, `${Identifier}` becomes the value and `&{Identifier}`
 * the value without its non-alphanumeric characters; in the template, `!Ref Identifier` and `${Identifier}` in
 * Fn::Sub strings become the value. Nodes keep their lines, so findings point at the loop's template.
 */
export type Bindings = ReadonlyMap<string, string>;

const substituteKey = (key: string, b: Bindings): string =>
  key.replace(/([$&])\{([^}]+)\}/g, (all, sigil: string, name: string) => {
    const v = b.get(name.trim());
    if (v === undefined) return all;
    return sigil === '&' ? v.replace(/[^A-Za-z0-9]/g, '') : v;
  });

const substituteSub = (text: string, b: Bindings): string =>
  text.replace(/\$\{([^}!][^}]*)\}/g, (all, name: string) => b.get(name.trim()) ?? all);

/** A copy of `node` with the loop variables of `b` put in. */
export function expand(node: SNode, b: Bindings): SNode {
  if (node.k === 'scalar') return node;
  if (node.k === 'seq') return { ...node, items: node.items.map((i) => expand(i, b)) };
  if (node.keys.length === 1) {
    const key = node.keys[0] as string;
    const arg = node.values[0] as SNode;
    const name = str(arg);
    if (key === 'Ref' && name !== undefined && b.has(name)) {
      return { k: 'scalar', line: node.line, col: node.col, v: b.get(name) as string };
    }
    if (key === 'Fn::Sub') {
      const sub = (n: SNode): SNode =>
        n.k === 'scalar' && typeof n.v === 'string' ? { ...n, v: substituteSub(n.v, b) } : expand(n, b);
      const value =
        arg.k === 'seq'
          ? { ...arg, items: arg.items.map((item, i) => (i === 0 ? sub(item) : expand(item, b))) }
          : sub(arg);
      return { ...node, values: [value] };
    }
  }
  return { ...node, values: node.values.map((v) => expand(v, b)) };
}

export interface Expanded {
  key: string;
  keyLine: number;
  node: SNode;
}

/**
 * The entries a loop makes. `collection` resolves the collection node (a list, or `!Ref` to a list parameter) to
 * strings, or returns a reason it cannot. Nested loops in the template are expanded too.
 */
export function expandLoop(
  loop: SNode,
  bindings: Bindings,
  collection: (node: SNode) => string[] | string,
  onProblem: (line: number, message: string) => void,
  name: string,
): Expanded[] {
  const args = loop.k === 'seq' ? loop.items : [];
  const id = str(args[0]);
  const template = args[2];
  if (args.length !== 3 || id === undefined || template?.k !== 'map') {
    onProblem(loop.line, `${name} needs [Identifier, Collection, { OutputKey: Template }]`);
    return [];
  }
  const values = collection(expand(args[1] as SNode, bindings));
  if (typeof values === 'string') {
    onProblem(
      loop.line,
      `${name}: its collection cannot be resolved (${values}); the resources it makes are not scanned`,
    );
    return [];
  }
  const out: Expanded[] = [];
  for (const value of values) {
    const b = new Map(bindings).set(id, value);
    (template as SMap).keys.forEach((key, i) => {
      const node = (template as SMap).values[i] as SNode;
      if (key.startsWith('Fn::ForEach::')) out.push(...expandLoop(node, b, collection, onProblem, key));
      else
        out.push({
          key: substituteKey(key, b),
          keyLine: (template as SMap).keyLines[i] as number,
          node: expand(node, b),
        });
    });
  }
  return out;
}
