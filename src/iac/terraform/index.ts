import type { IacDocument, IacIo } from '../model.js';
import { loadModuleTree } from './loader.js';
import { loadPlan } from './plan.js';

export interface TerraformOptions {
  /** .tfvars files given on the command line (terraform.tfvars and *.auto.tfvars in the root are read anyway). */
  varFiles?: readonly string[];
  /** -var name=value */
  vars?: Readonly<Record<string, string>>;
}

/** Adapts one Terraform root module (a directory of .tf files) with its local modules. */
export async function loadTerraform(dir: string, io: IacIo, options: TerraformOptions = {}): Promise<IacDocument> {
  return loadModuleTree(dir, io, options);
}

/** Adapts `terraform show -json` output. undefined: the JSON is not a plan. */
export function loadTerraformPlan(file: string, io: IacIo): IacDocument | undefined {
  return loadPlan(file, io);
}
