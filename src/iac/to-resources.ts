import type { Resource, SourceLocation } from '../core/resource.js';

export { locate } from '../core/locate.js';

import { MAPPERS } from './aws/index.js';
import type { MapContext, Mapped } from './aws/mapper.js';
import { type IacBlock, type IacDocument, isRef } from './model.js';

/** The account and region of resources read from templates: a template does not say where it will be deployed. */
export const IAC_ACCOUNT = 'template';
export const IAC_REGION = 'unknown';

export interface AdaptedResources {
  resources: Resource[];
  /** Resource uid → the blocks it was made from (the block itself and any joined ones), for suppressions. */
  blocksOf: Map<string, IacBlock[]>;
  /** Template types with no mapper (not judged), with a count. */
  unmapped: Map<string, number>;
}

const refersTo = (value: unknown, target: IacBlock, names: readonly unknown[]): boolean => {
  if (isRef(value)) return value.$ref === target.address;
  if (Array.isArray(value)) return value.some((v) => refersTo(v, target, names));
  return value !== undefined && names.includes(value);
};

function mapContext(doc: IacDocument, consumed: Set<IacBlock>): MapContext {
  const byAddress = new Map(doc.blocks.map((b) => [b.address, b]));
  const byType = new Map<string, IacBlock[]>();
  for (const b of doc.blocks) {
    const list = byType.get(b.type);
    if (list) list.push(b);
    else byType.set(b.type, [b]);
  }
  return {
    blocks: doc.blocks,
    byAddress: (address) => byAddress.get(address),
    referrers: (type, prop, target, names = []) =>
      (byType.get(type) ?? []).filter((b) => refersTo(b.props[prop], target, names)),
    consume: (block) => consumed.add(block),
  };
}

/** Turns adapted documents into Resources through the AWS mappers. Mapper failures become problems, not crashes. */
export function toResources(
  docs: readonly IacDocument[],
  onProblem: (file: string, line: number, message: string) => void = () => {},
): AdaptedResources {
  const resources: Resource[] = [];
  const blocksOf = new Map<string, IacBlock[]>();
  const unmapped = new Map<string, number>();
  for (const doc of docs) {
    const consumed = new Set<IacBlock>();
    const ctx = mapContext(doc, consumed);
    const made: Array<[IacBlock, Mapped]> = [];
    for (const block of doc.blocks) {
      const mapper = MAPPERS.get(block.type);
      if (!mapper) continue;
      try {
        const out = mapper.map(block, ctx);
        for (const m of out === undefined ? [] : Array.isArray(out) ? out : [out]) made.push([block, m]);
      } catch (e) {
        onProblem(block.file, block.line, `${block.address} (${block.type}): ${(e as Error).message}`);
      }
    }
    for (const block of doc.blocks) {
      if (!MAPPERS.has(block.type) && !consumed.has(block)) {
        unmapped.set(block.type, (unmapped.get(block.type) ?? 0) + 1);
      }
    }
    const seen = new Map<string, number>();
    for (const [block, m] of made) {
      let uid = `${doc.format}:${block.file}#${block.address}`;
      // One block may make several resources (e.g. a role and its inline policies): keep uids unique.
      const n = seen.get(uid) ?? 0;
      seen.set(uid, n + 1);
      if (n > 0) uid = `${uid}/${m.type}/${n}`;
      const locations: Record<string, SourceLocation> = { ...(m.locations ?? {}) };
      resources.push({
        uid,
        provider: 'aws',
        account: IAC_ACCOUNT,
        region: block.region ?? IAC_REGION,
        type: m.type,
        name: m.name,
        tags: m.tags ?? {},
        props: m.props,
        source: { kind: doc.format, file: block.file, line: block.line, address: block.address, locations },
      });
      blocksOf.set(uid, [block, ...(m.joined ?? [])]);
    }
  }
  return { resources, blocksOf, unmapped };
}
