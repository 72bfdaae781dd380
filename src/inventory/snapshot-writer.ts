import { closeSync, mkdirSync, openSync, renameSync, rmSync, writeSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { InventoryPart, Snapshot } from './snapshot.js';
import { SNAPSHOT_FORMAT, SNAPSHOT_VERSION } from './snapshot.js';

type Header = Omit<Snapshot, 'format' | 'version' | 'resources' | 'errors' | 'findings'>;

/**
 * Writes a snapshot as parts arrive, so a live scan never holds the organisation twice. A path ending in .json
 * gets one file (resources streamed into it); any other path is a directory with one part per account.
 * Files are written under a temporary name and renamed when complete.
 */
export class SnapshotWriter {
  private fd: number | undefined;
  private readonly tmp: string;
  private firstResource = true;
  private readonly errors: InventoryPart['errors'] = [];
  /** Imported findings are few beside the resources: kept until close, written after the errors. */
  private readonly findings: NonNullable<InventoryPart['findings']> = [];

  constructor(
    private readonly path: string,
    private readonly header: Header,
  ) {
    this.tmp = `${path}.${process.pid}.tmp`;
    if (this.singleFile) {
      mkdirSync(dirname(path), { recursive: true });
      this.fd = openSync(this.tmp, 'w');
      const head = JSON.stringify({ format: SNAPSHOT_FORMAT, version: SNAPSHOT_VERSION, ...header });
      writeSync(this.fd, `${head.slice(0, -1)},\n"resources": [`);
    } else {
      mkdirSync(path, { recursive: true });
    }
  }

  private get singleFile(): boolean {
    return this.path.endsWith('.json');
  }

  write(part: InventoryPart & { name: string }): void {
    if (this.fd !== undefined) {
      for (const r of part.resources) {
        writeSync(this.fd, `${this.firstResource ? '\n' : ',\n'}${JSON.stringify(r)}`);
        this.firstResource = false;
      }
      this.errors.push(...part.errors);
      if (part.findings) this.findings.push(...part.findings);
      return;
    }
    const file = join(this.path, `${part.name}.json`);
    const tmp = `${file}.${process.pid}.tmp`;
    const doc = {
      format: SNAPSHOT_FORMAT,
      version: SNAPSHOT_VERSION,
      ...this.header,
      ...(part.generatedAt ? { generatedAt: part.generatedAt } : {}),
      resources: part.resources,
      errors: part.errors,
      ...(part.findings && part.findings.length > 0 ? { findings: part.findings } : {}),
    };
    const fd = openSync(tmp, 'w');
    try {
      writeSync(fd, JSON.stringify(doc, null, 1));
    } finally {
      closeSync(fd);
    }
    renameSync(tmp, file);
  }

  close(): void {
    if (this.fd === undefined) return;
    const findings = this.findings.length > 0 ? `,\n"findings": ${JSON.stringify(this.findings)}` : '';
    writeSync(this.fd, `\n],\n"errors": ${JSON.stringify(this.errors)}${findings}\n}\n`);
    closeSync(this.fd);
    this.fd = undefined;
    renameSync(this.tmp, this.path);
  }

  /** Leaves nothing behind after a failure. */
  abort(): void {
    if (this.fd !== undefined) {
      closeSync(this.fd);
      this.fd = undefined;
    }
    rmSync(this.tmp, { force: true });
  }
}
