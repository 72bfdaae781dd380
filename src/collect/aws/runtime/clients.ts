import type { AwsCredentialIdentityProvider } from '@aws-sdk/types';
import { NodeHttpHandler } from '@smithy/node-http-handler';
import type { Limiters } from './limiter.js';
import { isReadOnlyOperation, NotReadOnlyError, operationOf } from './read-only.js';

export interface ClientSettings {
  credentials: AwsCredentialIdentityProvider;
  /** --endpoint-url: one endpoint for every service (an AWS-compatible server). */
  endpointUrl?: string;
  /** SDK attempts per call, throttling included (adaptive retry with backoff and jitter). */
  maxAttempts: number;
  connectTimeoutMs: number;
  requestTimeoutMs: number;
}

// biome-ignore lint/suspicious/noExplicitAny: SDK client classes differ in their config types
type ClientClass<C> = new (config: any) => C;

/**
 * Builds SDK clients with the scan's settings: credentials, adaptive retries, a timeout on every call, and the
 * endpoint. The SDK itself honours AWS_ENDPOINT_URL and AWS_ENDPOINT_URL_<SERVICE>; with any endpoint set, S3 uses
 * path-style addressing and host prefixes (S3 Control's <account>.) are off, so a single local server can answer.
 */
export class ClientFactory {
  private readonly cache = new Map<string, unknown>();
  private readonly customEndpoint: boolean;

  constructor(
    private readonly settings: ClientSettings,
    /** Per service × region budgets of concurrent calls (one account's API rate limits). */
    private readonly limiters: Limiters,
    env: NodeJS.ProcessEnv = process.env,
  ) {
    this.customEndpoint =
      settings.endpointUrl !== undefined || Object.keys(env).some((k) => k.startsWith('AWS_ENDPOINT_URL'));
  }

  get<C>(Client: ClientClass<C>, region: string): C {
    const key = `${Client.name}\u0000${region}`;
    let client = this.cache.get(key) as C | undefined;
    if (!client) {
      client = new Client({
        region,
        credentials: this.settings.credentials,
        maxAttempts: this.settings.maxAttempts,
        retryMode: 'adaptive',
        requestHandler: new NodeHttpHandler({
          connectionTimeout: this.settings.connectTimeoutMs,
          requestTimeout: this.settings.requestTimeoutMs,
          // Without this the handler only logs a warning and keeps waiting: a hung call must end as an error.
          throwOnRequestTimeout: true,
        }),
        ...(this.settings.endpointUrl ? endpointConfig(Client.name, this.settings.endpointUrl) : {}),
        ...(this.customEndpoint ? { forcePathStyle: true, disableHostPrefix: true } : {}),
      });
      guardSend(client as unknown as SendingClient, Client.name.replace(/Client$/, ''), region, this.limiters);
      this.cache.set(key, client);
    }
    return client;
  }
}

interface SendingClient {
  send(command: object, ...rest: unknown[]): Promise<unknown>;
}

/**
 * Every call, the SDK paginators' included, goes through here: a non-read operation is refused before it leaves
 * the process, and the call waits for a place in its service × region budget.
 */
function guardSend(client: SendingClient, service: string, region: string, limiters: Limiters): void {
  const send = client.send.bind(client);
  const limiter = limiters.get(`${service}:${region}`);
  // Regional services across 17 regions could put thousands of calls in flight at once, and the slow, rate-bound
  // global services (IAM first) would queue behind them in the process; the account budget caps the regional ones.
  const account = GLOBAL_SERVICES.has(service) ? undefined : limiters.account;
  client.send = (command: object, ...rest: unknown[]) => {
    const operation = operationOf(command);
    if (!isReadOnlyOperation(operation)) return Promise.reject(new NotReadOnlyError(operation));
    return limiter.run(() => (account ? account.run(() => send(command, ...rest)) : send(command, ...rest)));
  };
}

/** Services with one endpoint and one rate limit per account (client class names without "Client"). */
const GLOBAL_SERVICES = new Set(['IAM', 'STS', 'Organizations', 'Account', 'Budgets', 'S3Control']);

/**
 * The endpoint settings for --endpoint-url. S3 Control's endpoint rules put the account id in front of the host
 * ("<account>.host"), which a single local endpoint cannot answer, so it gets a fixed endpoint instead.
 */
function endpointConfig(clientName: string, url: string): Record<string, unknown> {
  if (clientName === 'S3ControlClient') return { endpointProvider: () => ({ url: new URL(url) }) };
  return { endpoint: url };
}
