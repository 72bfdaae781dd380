import type { IacDocument, IacIo } from '../model.js';

/**
 * Adapts one CloudFormation template (YAML or JSON; SAM; CDK's synthesized *.template.json) with its local nested
 * stacks. undefined: the file is not a CloudFormation template (skipped quietly).
 */
export function loadCloudFormation(file: string, io: IacIo): IacDocument | undefined {
  void file;
  void io;
  throw new Error('CloudFormation adapter: not built yet');
}
