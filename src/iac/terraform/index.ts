import type { IacDocument, IacIo } from '../model.js';

export interface TerraformOptions {
  /** .tfvars files given on the command line (terraform.tfvars and *.auto.tfvars in the root are read anyway). */
  varFiles?: readonly string[];
  /** -var name=value */
  vars?: Readonly<Record<string, string>>;
}

/** Adapts one Terraform root module (a directory of .tf files) with its local modules. */
export async function loadTerraform(dir: string, io: IacIo, options: TerraformOptions = {}): Promise<IacDocument> {
  void dir;
  void io;
  void options;
  throw new Error('Terraform adapter: not built yet');
}

/** Adapts `terraform show -json` output. undefined: the JSON is not a plan. */
export function loadTerraformPlan(file: string, io: IacIo): IacDocument | undefined {
  void file;
  void io;
  throw new Error('Terraform plan adapter: not built yet');
}
