import type { Resource, SourceLocation } from './resource.js';

/**
 * Where in a template a finding points: the longest written prefix of its evidence path (IaC resources record one
 * per prop they were built from), else the resource's own line. undefined for resources read from a live account.
 */
export function locate(resource: Pick<Resource, 'source'>, path?: string): SourceLocation | undefined {
  const { source } = resource;
  if (source.file === undefined || source.line === undefined) return undefined;
  if (path !== undefined && source.locations) {
    for (let p = path; p !== ''; p = p.includes('.') ? p.slice(0, p.lastIndexOf('.')) : '') {
      const loc = source.locations[p];
      if (loc) return loc;
    }
  }
  return { file: source.file, line: source.line };
}
