import type { EnvironmentError, FunctionConfiguration, GetFunctionUrlConfigResponse } from '@aws-sdk/client-lambda';
import type { Json, PolicyDocument } from '../json.js';

/**
 * A function's environment variables as mamori keeps them: the names only, never the values. Secrets are never
 * stored, so the collector replaces lambda:ListFunctions' `Environment.Variables` (name → value) by this summary.
 */
export interface LambdaEnvironmentSummary {
  /** Every variable name, sorted. */
  VariableNames: string[];
  /**
   * The names (sorted) of the variables whose value looks like a secret written in clear text: an AWS access key id
   * (AKIA/ASIA + 16 characters), a private key (PEM header), a well-known token prefix, a long high-entropy string,
   * or a literal value (not an ARN, an SSM parameter path or a `{{resolve:…}}` reference) under a name such as
   * *PASSWORD*, *SECRET*, *TOKEN*, *API_KEY*, *PRIVATE_KEY* or *CREDENTIAL*.
   */
  SecretLikeVariables: string[];
  /** `Environment.Error` as returned, when Lambda could not apply the variables. */
  Error?: Json<EnvironmentError>;
}

/** lambda:GetFunctionUrlConfig of the unqualified function. `AuthType: 'NONE'` is a public URL. */
export type LambdaFunctionUrlConfig = Json<GetFunctionUrlConfigResponse>;

/**
 * aws.lambda.function (regional; uid FunctionArn): one lambda:ListFunctions item ($LATEST) as returned, except
 * `Environment` (see LambdaEnvironmentSummary), with the resource policy and the function URL. Tags from
 * lambda:ListTags.
 */
export type LambdaFunctionProps = Omit<Json<FunctionConfiguration>, 'Environment'> & {
  /**
   * Present when the function has environment variables. When Lambda returns an error instead of the variables
   * (Environment.Error without Variables), this stays unset and the resource has a gap on `Environment`.
   */
  Environment?: LambdaEnvironmentSummary;
  /** lambda:GetPolicy, parsed; null when the function has no resource-based policy (ResourceNotFoundException). */
  Policy: PolicyDocument | null;
  /** lambda:GetFunctionUrlConfig; null when the function has no URL (ResourceNotFoundException). */
  FunctionUrlConfig: LambdaFunctionUrlConfig | null;
};
