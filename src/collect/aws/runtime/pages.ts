import type { PolicyDocument } from '../../../inventory/json.js';

/** Every item of every page of an SDK paginator. */
export async function allPages<P, T>(pages: AsyncIterable<P>, items: (page: P) => readonly T[]): Promise<T[]> {
  const out: T[] = [];
  for await (const page of pages) for (const item of items(page)) out.push(item);
  return out;
}

/** Policy documents come as JSON strings, URL-encoded by IAM; snapshots keep them parsed. */
export function parsePolicy(text: string): PolicyDocument {
  const decoded = text.trimStart().startsWith('%7B') || text.includes('%22') ? decodeURIComponent(text) : text;
  return JSON.parse(decoded) as PolicyDocument;
}

/** SDK output objects carry Date instances; snapshots carry ISO strings (Json<T>). */
export const toJson = <T>(value: unknown): T => JSON.parse(JSON.stringify(value)) as T;
