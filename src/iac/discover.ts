import { readdirSync, readFileSync, realpathSync, statSync } from 'node:fs';
import { dirname, extname, join } from 'node:path';
import type { IacIo, IacProblem } from './model.js';

/** Files larger than this are skipped with a warning: no template is that large, and reading one would stall. */
export const MAX_FILE_BYTES = 10 * 1024 * 1024;
/** Directory depth bound, beside the loop check on real paths. */
const MAX_DEPTH = 64;
/** Never templates: dependency trees, VCS data, Terraform's provider and module cache. */
const SKIP_DIRS = new Set(['node_modules', '.git', '.terraform', '.hg', '.svn', '__pycache__', '.venv']);
const TEMPLATE_EXTS = new Set(['.yaml', '.yml', '.json', '.template']);

export interface Discovered {
  /** YAML/JSON files that may be CloudFormation templates or Terraform plans (the adapters decide). */
  documents: string[];
  /** Directories holding .tf files: Terraform modules, roots or not (the scan drops those used as modules). */
  terraformDirs: string[];
  problems: IacProblem[];
}

/** Reads files from disk, refusing what is too large to be a template. */
export const fsIo: IacIo = {
  readText(path) {
    try {
      if (statSync(path).size > MAX_FILE_BYTES) return undefined;
      return readFileSync(path, 'utf8');
    } catch {
      return undefined;
    }
  },
  listDir(path) {
    try {
      return readdirSync(path);
    } catch {
      return undefined;
    }
  },
};

/**
 * Finds the inputs under the given paths: files as given, directories walked (symlinks followed once: a loop is
 * cut where a real path repeats). Unreadable entries and oversized files become warnings; the walk goes on.
 */
export function discover(paths: readonly string[]): Discovered {
  const out: Discovered = { documents: [], terraformDirs: [], problems: [] };
  const seenDirs = new Set<string>();
  const seenFiles = new Set<string>();
  const tfDirs = new Set<string>();
  const warn = (file: string, message: string) => out.problems.push({ file, message, level: 'warning' });

  const addFile = (path: string, size: number, explicit: boolean) => {
    const ext = extname(path).toLowerCase();
    const isTf = ext === '.tf' || path.endsWith('.tf.json');
    if (!isTf && !TEMPLATE_EXTS.has(ext)) {
      if (explicit) warn(path, 'not a CloudFormation template, Terraform file or plan: skipped');
      return;
    }
    if (size > MAX_FILE_BYTES) {
      warn(path, `larger than ${MAX_FILE_BYTES / 1024 / 1024} MB: skipped`);
      return;
    }
    let real: string;
    try {
      real = realpathSync(path);
    } catch {
      return;
    }
    if (seenFiles.has(real)) return;
    seenFiles.add(real);
    if (isTf) {
      const dir = dirname(path);
      if (!tfDirs.has(dir)) {
        tfDirs.add(dir);
        out.terraformDirs.push(dir);
      }
    } else out.documents.push(path);
  };

  const walk = (dir: string, depth: number) => {
    let real: string;
    try {
      real = realpathSync(dir);
    } catch (e) {
      warn(dir, `cannot read: ${(e as Error).message}`);
      return;
    }
    if (seenDirs.has(real)) return; // a symlink loop, or a directory reached twice
    seenDirs.add(real);
    if (depth > MAX_DEPTH) {
      warn(dir, `deeper than ${MAX_DEPTH} directories: not walked`);
      return;
    }
    let entries: string[];
    try {
      entries = readdirSync(dir).sort();
    } catch (e) {
      warn(dir, `cannot read: ${(e as Error).message}`);
      return;
    }
    for (const name of entries) {
      const path = join(dir, name);
      let st: ReturnType<typeof statSync>;
      try {
        st = statSync(path); // follows symlinks; a dangling one throws and is skipped
      } catch {
        continue;
      }
      if (st.isDirectory()) {
        if (!SKIP_DIRS.has(name)) walk(path, depth + 1);
      } else if (st.isFile()) addFile(path, st.size, false);
    }
  };

  for (const p of paths) {
    let st: ReturnType<typeof statSync>;
    try {
      st = statSync(p);
    } catch {
      out.problems.push({ file: p, message: 'no such file or directory', level: 'error' });
      continue;
    }
    if (st.isDirectory()) walk(p, 0);
    else addFile(p, st.size, true);
  }
  return out;
}

/** Cheap test before a full parse, so a repository's other YAML (Kubernetes, CI, OpenAPI) costs almost nothing. */
export const mayBeTemplate = (text: string): boolean => text.includes('Resources') || text.includes('"format_version"');
