import type { CollectionError } from '../core/rule.js';

/** Collection errors by account, matched to the resource types a rule reads. */
export class CollectionErrorIndex {
  private readonly byAccount = new Map<string, CollectionError[]>();

  constructor(readonly all: readonly CollectionError[]) {
    for (const e of all) {
      const list = this.byAccount.get(e.account);
      if (list) list.push(e);
      else this.byAccount.set(e.account, [e]);
    }
  }

  /** The first error that hides resources of `type` in the account (any region, or the given one and 'global'). */
  affecting(account: string, type: string, region?: string): CollectionError | undefined {
    const list = this.byAccount.get(account);
    if (list === undefined) return undefined;
    const service = type.split('.')[1];
    for (const e of list) {
      const typeMatches = e.resourceType !== undefined ? e.resourceType === type : e.service === service;
      if (!typeMatches) continue;
      if (region === undefined || e.region === region || e.region === 'global') return e;
    }
    return undefined;
  }
}

export const describeCollectionError = (e: CollectionError): string =>
  `${e.code}: ${e.operation} failed in ${e.account}/${e.region}: ${e.message}`;
