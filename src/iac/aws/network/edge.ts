import { isUnknown, type Unknown, unknown } from '../../../core/resource.js';
import { looksSecret } from '../../../core/secret-like.js';
import type { PolicyStatement } from '../../../inventory/json.js';
import { type IacBlock, isRef, renderRef } from '../../model.js';
import type { BlockMapper, MapContext, Mapped } from '../mapper.js';
import {
  bool,
  compact,
  isCfn,
  Locations,
  list,
  literals,
  nameOf,
  num,
  obj,
  refTarget,
  renderRefs,
  selfId,
  str,
  tagsOf,
} from './util.js';

type Props = Record<string, unknown>;

// ---------------------------------------------------------------------------------------------------------------
// WAF associations (AWS::WAFv2::WebACLAssociation, aws_wafv2_web_acl_association)

/**
 * The web ACL associated with a block: the ARN when an association names it, Unknown when an association's target
 * is unresolved (it might be this one), null when none. `matches` recognises a literal target ARN.
 */
function webAcl(
  block: IacBlock,
  ctx: MapContext,
  matches: (arn: string) => boolean = () => false,
): { arn: string | null | Unknown; joined: IacBlock[] } {
  const [type, target, acl] = isCfn(block)
    ? ['AWS::WAFv2::WebACLAssociation', 'ResourceArn', 'WebACLArn']
    : ['aws_wafv2_web_acl_association', 'resource_arn', 'web_acl_arn'];
  const all = ctx.blocks.filter((b) => b.type === type);
  const direct = all.filter((b) => {
    const t = b.props[target];
    return (isRef(t) && t.$ref === block.address) || (typeof t === 'string' && matches(t));
  });
  for (const d of direct) ctx.consume(d);
  if (direct.length > 0) {
    const arn = str(direct[0]!.props[acl]) ?? unknown('web ACL not set');
    return { arn, joined: direct };
  }
  if (all.some((b) => isUnknown(b.props[target]))) {
    return { arn: unknown('a web ACL association whose resource is unresolved'), joined: [] };
  }
  return { arn: null, joined: [] };
}

// ---------------------------------------------------------------------------------------------------------------
// Load balancers

const asAttr = (v: unknown): unknown => {
  if (isUnknown(v)) return v;
  const b = bool(v);
  if (typeof b === 'boolean') return String(b);
  const s = str(v);
  return s ?? '';
};

function loadBalancerType(block: IacBlock): unknown {
  const t = str(isCfn(block) ? block.props.Type : block.props.load_balancer_type) ?? 'application';
  return t;
}

function loadBalancer(block: IacBlock, ctx: MapContext): Mapped {
  const p = block.props;
  const cfn = isCfn(block);
  const loc = new Locations();
  const type = loadBalancerType(block);
  const defaults: Record<string, string> = {
    'deletion_protection.enabled': 'false',
    'access_logs.s3.enabled': 'false',
    'access_logs.s3.bucket': '',
    'access_logs.s3.prefix': '',
    ...(type === 'application'
      ? {
          'routing.http.drop_invalid_header_fields.enabled': 'false',
          'routing.http.desync_mitigation_mode': 'defensive',
          'idle_timeout.timeout_seconds': '60',
        }
      : {}),
  };
  const values = new Map<string, unknown>(Object.entries(defaults));
  const where = new Map<string, string>();
  let attributes: unknown;
  if (cfn) {
    const l = list(p.LoadBalancerAttributes);
    if (isUnknown(l)) attributes = l;
    else
      l.forEach((a, j) => {
        if (isUnknown(a)) {
          attributes = a;
          return;
        }
        const key = str((a as Props).Key);
        if (typeof key !== 'string') {
          attributes = unknown('an attribute with an unresolved key');
          return;
        }
        values.set(key, asAttr((a as Props).Value));
        where.set(key, `LoadBalancerAttributes.${j}`);
      });
  } else {
    const set = (key: string, v: unknown, path: string) => {
      if (v === undefined) return;
      values.set(key, asAttr(v));
      where.set(key, path);
    };
    set('deletion_protection.enabled', p.enable_deletion_protection, 'enable_deletion_protection');
    set('routing.http.drop_invalid_header_fields.enabled', p.drop_invalid_header_fields, 'drop_invalid_header_fields');
    set('routing.http.desync_mitigation_mode', p.desync_mitigation_mode, 'desync_mitigation_mode');
    set('idle_timeout.timeout_seconds', p.idle_timeout, 'idle_timeout');
    const logs = obj(p.access_logs);
    if (isUnknown(logs)) {
      values.set('access_logs.s3.enabled', logs);
      where.set('access_logs.s3.enabled', 'access_logs');
    } else if (logs !== undefined) {
      // In Terraform the block's `enabled` defaults to false, even with a bucket.
      set('access_logs.s3.enabled', logs.enabled ?? false, 'access_logs.0.enabled');
      set('access_logs.s3.bucket', logs.bucket, 'access_logs.0.bucket');
      set('access_logs.s3.prefix', logs.prefix, 'access_logs.0.prefix');
    }
  }
  if (attributes === undefined) {
    attributes = [...values].map(([Key, Value], i) => {
      const path = where.get(Key);
      if (path !== undefined) loc.set(`Attributes.${i}`, block, path);
      return { Key, Value };
    });
  }
  loc.set('Attributes', block, cfn ? 'LoadBalancerAttributes' : undefined);
  const waf = webAcl(block, ctx);
  const name = str(cfn ? p.Name : p.name);
  const internal = cfn ? undefined : bool(p.internal);
  const scheme = cfn
    ? (str(p.Scheme) ?? 'internet-facing')
    : internal === undefined
      ? 'internet-facing'
      : isUnknown(internal)
        ? internal
        : internal
          ? 'internal'
          : 'internet-facing';
  const tags = tagsOf(block);
  return {
    type: 'aws.elbv2.load_balancer',
    name: nameOf(block, name),
    props: compact({
      LoadBalancerArn: selfId(block),
      LoadBalancerName: typeof name === 'string' ? name : block.address,
      Scheme: scheme,
      Type: type,
      State: { Code: 'active' },
      IpAddressType: str(cfn ? p.IpAddressType : p.ip_address_type) ?? 'ipv4',
      Attributes: attributes,
      WebACLArn: type === 'application' ? waf.arn : null,
    }),
    tags,
    locations: loc.map,
    joined: waf.joined,
  };
}

// ---------------------------------------------------------------------------------------------------------------
// Listeners

function redirect(r: Props, cfn: boolean): Props {
  const g = (c: string, t: string) => str(cfn ? r[c] : r[t]);
  return compact({
    Protocol: g('Protocol', 'protocol') ?? '#{protocol}',
    Port: g('Port', 'port') ?? '#{port}',
    Host: g('Host', 'host') ?? '#{host}',
    Path: g('Path', 'path') ?? '/#{path}',
    Query: g('Query', 'query') ?? '#{query}',
    StatusCode: g('StatusCode', 'status_code') ?? unknown('StatusCode not set'),
  });
}

function action(a: Props, cfn: boolean): Props {
  if (cfn) {
    const r = obj(a.RedirectConfig);
    return compact({
      ...(renderRefs(a) as Props),
      Type: str(a.Type),
      Order: num(a.Order),
      RedirectConfig: r === undefined || isUnknown(r) ? r : redirect(r, true),
    });
  }
  const r = obj(a.redirect);
  const f = obj(a.fixed_response);
  return compact({
    Type: str(a.type),
    Order: num(a.order),
    TargetGroupArn: str(a.target_group_arn),
    RedirectConfig: r === undefined || isUnknown(r) ? r : redirect(r, false),
    FixedResponseConfig:
      f === undefined || isUnknown(f)
        ? f
        : compact({
            ContentType: str(f.content_type),
            MessageBody: str(f.message_body),
            StatusCode: str(f.status_code),
          }),
  });
}

function listener(block: IacBlock, ctx: MapContext): Mapped {
  const p = block.props;
  const cfn = isCfn(block);
  const loc = new Locations();
  const lbRef = cfn ? p.LoadBalancerArn : p.load_balancer_arn;
  const lb = refTarget(lbRef, ctx.byAddress);
  let protocol = str(cfn ? p.Protocol : p.protocol);
  if (protocol === undefined) {
    // HTTP is the default for Application Load Balancers; other types need the protocol.
    protocol =
      lb !== undefined && loadBalancerType(lb) === 'application'
        ? 'HTTP'
        : unknown('Protocol not set and the load balancer type is unknown');
  }
  const secure = protocol === 'HTTPS' || protocol === 'TLS';
  const policy = str(cfn ? p.SslPolicy : p.ssl_policy);
  const actions = list(cfn ? p.DefaultActions : p.default_action);
  const certs = cfn
    ? list(p.Certificates)
    : p.certificate_arn === undefined
      ? []
      : [{ CertificateArn: p.certificate_arn }];
  loc.set('Protocol', block, cfn ? 'Protocol' : 'protocol');
  loc.set('SslPolicy', block, cfn ? 'SslPolicy' : 'ssl_policy');
  loc.set('DefaultActions', block, cfn ? 'DefaultActions' : 'default_action');
  if (!isUnknown(actions))
    for (let i = 0; i < actions.length; i++) {
      loc.set(`DefaultActions.${i}`, block, `${cfn ? 'DefaultActions' : 'default_action'}.${i}`);
    }
  return {
    type: 'aws.elbv2.listener',
    name: block.address,
    props: compact({
      ListenerArn: selfId(block),
      LoadBalancerArn: str(lbRef),
      Port: num(cfn ? p.Port : p.port),
      Protocol: protocol,
      // Without SslPolicy AWS applies its current default policy, which the template does not show.
      SslPolicy: secure ? (policy ?? unknown('SslPolicy not set: the AWS default policy applies')) : policy,
      Certificates: isUnknown(certs)
        ? certs
        : certs.map((c) => (isUnknown(c) ? c : { CertificateArn: str((c as Props).CertificateArn) })),
      DefaultActions: isUnknown(actions) ? actions : actions.map((a) => (isUnknown(a) ? a : action(a as Props, cfn))),
    }),
    tags: tagsOf(block),
    locations: loc.map,
  };
}

// ---------------------------------------------------------------------------------------------------------------
// CloudFront distributions

const counted = (items: unknown): Props | Unknown => {
  if (isUnknown(items)) return items;
  const l = items as unknown[];
  return l.length > 0 ? { Quantity: l.length, Items: l } : { Quantity: 0 };
};

const S3_REST = /\.s3([.-][a-z0-9-]+)*\.amazonaws\.com(\.cn)?$/;
const S3_WEBSITE = /\.s3-website[.-]/;

/** Whether an origin is an S3 bucket's REST endpoint: a literal S3 domain, or a bucket's domain-name attribute. */
function isS3Domain(domain: unknown, ctx: MapContext): boolean {
  if (typeof domain === 'string') return S3_REST.test(domain) && !S3_WEBSITE.test(domain);
  if (!isRef(domain)) return false;
  const target = ctx.byAddress(domain.$ref);
  if (target === undefined || (target.type !== 'AWS::S3::Bucket' && target.type !== 'aws_s3_bucket')) return false;
  return !/website/i.test(domain.attr ?? '');
}

function origin(o: Props, cfn: boolean, ctx: MapContext): Props {
  const g = (c: string, t: string) => (cfn ? o[c] : o[t]);
  const domain = g('DomainName', 'domain_name');
  const s3 = obj(g('S3OriginConfig', 's3_origin_config'));
  const custom = obj(g('CustomOriginConfig', 'custom_origin_config'));
  let S3OriginConfig: unknown;
  if (s3 !== undefined) {
    S3OriginConfig = isUnknown(s3)
      ? s3
      : { OriginAccessIdentity: str(cfn ? s3.OriginAccessIdentity : s3.origin_access_identity) ?? '' };
  } else if (custom === undefined && isS3Domain(domain, ctx)) {
    // The API reports an S3 REST origin with S3OriginConfig (an empty identity when none is used).
    S3OriginConfig = { OriginAccessIdentity: '' };
  }
  let CustomOriginConfig: unknown;
  if (custom !== undefined) {
    if (isUnknown(custom)) CustomOriginConfig = custom;
    else {
      const c = (k: string, t: string) => (cfn ? custom[k] : custom[t]);
      const ssl = list(c('OriginSSLProtocols', 'origin_ssl_protocols'));
      CustomOriginConfig = compact({
        HTTPPort: num(c('HTTPPort', 'http_port')) ?? 80,
        HTTPSPort: num(c('HTTPSPort', 'https_port')) ?? 443,
        OriginProtocolPolicy: str(c('OriginProtocolPolicy', 'origin_protocol_policy')),
        OriginSslProtocols: isUnknown(ssl) ? ssl : counted(ssl.length > 0 ? ssl.map(str) : ['TLSv1', 'SSLv3']),
      });
    }
  }
  return compact({
    Id: str(g('Id', 'origin_id')),
    DomainName: str(domain),
    OriginPath: str(g('OriginPath', 'origin_path')) ?? '',
    S3OriginConfig,
    CustomOriginConfig,
    OriginAccessControlId: str(g('OriginAccessControlId', 'origin_access_control_id')) ?? '',
  });
}

function behavior(b: Props, cfn: boolean): Props {
  return compact({
    PathPattern: str(cfn ? b.PathPattern : b.path_pattern),
    TargetOriginId: str(cfn ? b.TargetOriginId : b.target_origin_id),
    ViewerProtocolPolicy: str(cfn ? b.ViewerProtocolPolicy : b.viewer_protocol_policy) ?? unknown('not set'),
  });
}

function distribution(block: IacBlock, ctx: MapContext): Mapped {
  const cfn = isCfn(block);
  const loc = new Locations();
  const raw = cfn ? obj(block.props.DistributionConfig) : block.props;
  const id = selfId(block);
  const tags = tagsOf(block);
  if (raw === undefined || isUnknown(raw)) {
    return {
      type: 'aws.cloudfront.distribution',
      name: block.address,
      props: { Id: id, DistributionConfig: raw ?? unknown('DistributionConfig not set') },
      tags,
    };
  }
  const c = raw;
  const base = cfn ? 'DistributionConfig.' : '';
  const g = (k: string, t: string) => (cfn ? c[k] : c[t]);
  const origins = list(g('Origins', 'origin'));
  const behaviors = list(g('CacheBehaviors', 'ordered_cache_behavior'));
  const def = obj(g('DefaultCacheBehavior', 'default_cache_behavior'));
  const logging = obj(g('Logging', 'logging_config'));
  const cert = obj(g('ViewerCertificate', 'viewer_certificate'));
  const aliases = list(g('Aliases', 'aliases'));
  let Logging: unknown = { Enabled: false, IncludeCookies: false, Bucket: '', Prefix: '' };
  if (logging !== undefined) {
    Logging = isUnknown(logging)
      ? logging
      : {
          Enabled: true,
          IncludeCookies: bool(cfn ? logging.IncludeCookies : logging.include_cookies) ?? false,
          Bucket: str(cfn ? logging.Bucket : logging.bucket) ?? '',
          Prefix: str(cfn ? logging.Prefix : logging.prefix) ?? '',
        };
  }
  let ViewerCertificate: unknown = {
    CloudFrontDefaultCertificate: true,
    MinimumProtocolVersion: 'TLSv1',
    CertificateSource: 'cloudfront',
  };
  if (cert !== undefined) {
    ViewerCertificate = isUnknown(cert)
      ? cert
      : compact({
          CloudFrontDefaultCertificate: bool(
            cfn ? cert.CloudFrontDefaultCertificate : cert.cloudfront_default_certificate,
          ),
          ACMCertificateArn: str(cfn ? cert.AcmCertificateArn : cert.acm_certificate_arn),
          IAMCertificateId: str(cfn ? cert.IamCertificateId : cert.iam_certificate_id),
          MinimumProtocolVersion: str(cfn ? cert.MinimumProtocolVersion : cert.minimum_protocol_version) ?? 'TLSv1',
          SSLSupportMethod: str(cfn ? cert.SslSupportMethod : cert.ssl_support_method),
        });
  }
  loc.set('DistributionConfig.Logging', block, `${base}${cfn ? 'Logging' : 'logging_config'}`);
  loc.set('DistributionConfig.WebACLId', block, `${base}${cfn ? 'WebACLId' : 'web_acl_id'}`);
  loc.set('DistributionConfig.ViewerCertificate', block, `${base}${cfn ? 'ViewerCertificate' : 'viewer_certificate'}`);
  loc.set(
    'DistributionConfig.DefaultCacheBehavior',
    block,
    `${base}${cfn ? 'DefaultCacheBehavior' : 'default_cache_behavior'}`,
  );
  if (!isUnknown(origins))
    for (let i = 0; i < origins.length; i++) {
      loc.set(`DistributionConfig.Origins.Items.${i}`, block, `${base}${cfn ? 'Origins' : 'origin'}.${i}`);
    }
  if (!isUnknown(behaviors))
    for (let i = 0; i < behaviors.length; i++) {
      const at = `${base}${cfn ? 'CacheBehaviors' : 'ordered_cache_behavior'}.${i}`;
      loc.set(`DistributionConfig.CacheBehaviors.Items.${i}`, block, at);
    }
  const config = compact({
    Enabled: bool(g('Enabled', 'enabled')),
    Comment: str(g('Comment', 'comment')) ?? '',
    DefaultRootObject: str(g('DefaultRootObject', 'default_root_object')) ?? '',
    Aliases: isUnknown(aliases) ? aliases : counted(aliases.map(str)),
    Origins: isUnknown(origins)
      ? origins
      : counted(origins.map((o) => (isUnknown(o) ? o : origin(o as Props, cfn, ctx)))),
    DefaultCacheBehavior: def === undefined || isUnknown(def) ? def : behavior(def, cfn),
    CacheBehaviors: isUnknown(behaviors)
      ? behaviors
      : counted(behaviors.map((b) => (isUnknown(b) ? b : behavior(b as Props, cfn)))),
    Logging,
    ViewerCertificate,
    WebACLId: str(g('WebACLId', 'web_acl_id')) ?? '',
    HttpVersion: str(g('HttpVersion', 'http_version')) ?? 'http2',
    PriceClass: str(g('PriceClass', 'price_class')) ?? 'PriceClass_All',
  });
  return {
    type: 'aws.cloudfront.distribution',
    name: block.address,
    props: { Id: id, ARN: `arn:aws:cloudfront::\${AWS::AccountId}:distribution/${id}`, DistributionConfig: config },
    tags,
    locations: loc.map,
  };
}

// ---------------------------------------------------------------------------------------------------------------
// API Gateway stages

const METHOD_DEFAULTS = {
  metricsEnabled: false,
  loggingLevel: 'OFF',
  dataTraceEnabled: false,
  cachingEnabled: false,
  cacheTtlInSeconds: 300,
  cacheDataEncrypted: false,
};

function methodSetting(s: Props, cfn: boolean): Props {
  const g = (c: string, t: string) => (cfn ? s[c] : s[t]);
  return {
    ...METHOD_DEFAULTS,
    ...compact({
      metricsEnabled: bool(g('MetricsEnabled', 'metrics_enabled')),
      loggingLevel: str(g('LoggingLevel', 'logging_level')),
      dataTraceEnabled: bool(g('DataTraceEnabled', 'data_trace_enabled')),
      cachingEnabled: bool(g('CachingEnabled', 'caching_enabled')),
      cacheTtlInSeconds: num(g('CacheTtlInSeconds', 'cache_ttl_in_seconds')),
      cacheDataEncrypted: bool(g('CacheDataEncrypted', 'cache_data_encrypted')),
    }),
  };
}

function stage(block: IacBlock, ctx: MapContext): Mapped {
  const p = block.props;
  const cfn = isCfn(block);
  const loc = new Locations();
  const name = str(cfn ? p.StageName : p.stage_name);
  const api = cfn ? p.RestApiId : p.rest_api_id;
  const settings: Record<string, unknown> = {};
  let unresolved: Unknown | undefined;
  const joined: IacBlock[] = [];
  if (cfn) {
    const l = list(p.MethodSettings);
    if (isUnknown(l)) unresolved = l;
    else
      l.forEach((s, j) => {
        if (isUnknown(s)) {
          unresolved = s;
          return;
        }
        const path = str((s as Props).ResourcePath) ?? '/*';
        const method = str((s as Props).HttpMethod) ?? '*';
        if (isUnknown(path) || isUnknown(method)) {
          unresolved = unknown('a method setting with an unresolved path');
          return;
        }
        const key = `${path.replace(/^\//, '') || '*'}/${method}`;
        settings[key] = methodSetting(s as Props, true);
        loc.set(`methodSettings.${key}`, block, `MethodSettings.${j}`);
      });
  } else {
    const sameApi = (b: IacBlock) => {
      const other = b.props.rest_api_id;
      return other === undefined || JSON.stringify(other) === JSON.stringify(api);
    };
    for (const child of ctx
      .referrers('aws_api_gateway_method_settings', 'stage_name', block, literals(name))
      .filter(sameApi)) {
      ctx.consume(child);
      joined.push(child);
      const key = str(child.props.method_path);
      const s = obj(child.props.settings);
      if (key === undefined || isUnknown(key) || s === undefined || isUnknown(s)) {
        unresolved = unknown('method settings with an unresolved path or settings');
        continue;
      }
      settings[key] = methodSetting(s, false);
      loc.set(`methodSettings.${key}`, child);
    }
  }
  const stageArnEnd = (arn: string) => {
    const m = /\/restapis\/([^/]+)\/stages\/([^/]+)$/.exec(arn);
    if (!m) return false;
    const apiId = isRef(api) ? renderRef({ $ref: api.$ref }) : api;
    return (m[1] === apiId || m[1] === str(api)) && (m[2] === name || m[2] === selfId(block));
  };
  const waf = webAcl(block, ctx, stageArnEnd);
  const logs = obj(cfn ? p.AccessLogSetting : p.access_log_settings);
  loc.set('tracingEnabled', block, cfn ? 'TracingEnabled' : 'xray_tracing_enabled');
  loc.set('methodSettings', block, cfn ? 'MethodSettings' : undefined);
  loc.set('cacheClusterEnabled', block, cfn ? 'CacheClusterEnabled' : 'cache_cluster_enabled');
  return {
    type: 'aws.apigateway.stage',
    name: typeof name === 'string' ? `${typeof str(api) === 'string' ? `${str(api)}/` : ''}${name}` : block.address,
    props: compact({
      stageName: name,
      restApiId: str(api),
      deploymentId: str(cfn ? p.DeploymentId : p.deployment_id),
      description: str(cfn ? p.Description : p.description),
      cacheClusterEnabled: bool(cfn ? p.CacheClusterEnabled : p.cache_cluster_enabled) ?? false,
      cacheClusterSize: str(cfn ? p.CacheClusterSize : p.cache_cluster_size),
      tracingEnabled: bool(cfn ? p.TracingEnabled : p.xray_tracing_enabled) ?? false,
      methodSettings: unresolved ?? settings,
      accessLogSettings:
        logs === undefined || isUnknown(logs)
          ? logs
          : compact({
              destinationArn: str(cfn ? logs.DestinationArn : logs.destination_arn),
              format: str(cfn ? logs.Format : logs.format),
            }),
      webAclArn: waf.arn === null ? undefined : waf.arn,
    }),
    tags: tagsOf(block),
    locations: loc.map,
    joined: [...joined, ...waf.joined],
  };
}

// ---------------------------------------------------------------------------------------------------------------
// Lambda functions, with their permissions (the resource policy) and function URL

const PLACEHOLDER = '(unresolved)';
const condValue = (v: unknown): string => {
  const s = str(v);
  return typeof s === 'string' ? s : PLACEHOLDER;
};

/** The policy statement lambda:AddPermission writes for one permission. */
function permissionStatement(b: IacBlock, fnArn: string): PolicyStatement | Unknown {
  const p = b.props;
  const cfn = isCfn(b);
  const g = (c: string, t: string) => (cfn ? p[c] : p[t]);
  const who = str(g('Principal', 'principal'));
  if (who === undefined || isUnknown(who)) return unknown(`principal of ${b.address} is unresolved`);
  const action = str(g('Action', 'action'));
  if (action === undefined || isUnknown(action)) return unknown(`action of ${b.address} is unresolved`);
  const principal: PolicyStatement['Principal'] =
    who === '*'
      ? '*'
      : /^\d{12}$/.test(who)
        ? { AWS: `arn:aws:iam::${who}:root` }
        : who.startsWith('arn:') || who.startsWith('${')
          ? { AWS: who }
          : { Service: who };
  const condition: Record<string, Record<string, string>> = {};
  const add = (op: string, key: string, v: unknown) => {
    if (v === undefined || v === null) return;
    condition[op] = { ...(condition[op] ?? {}), [key]: condValue(v) };
  };
  add('ArnLike', 'AWS:SourceArn', g('SourceArn', 'source_arn'));
  add('StringEquals', 'AWS:SourceAccount', g('SourceAccount', 'source_account'));
  add('StringEquals', 'aws:PrincipalOrgID', g('PrincipalOrgID', 'principal_org_id'));
  add('StringEquals', 'lambda:FunctionUrlAuthType', g('FunctionUrlAuthType', 'function_url_auth_type'));
  add('StringEquals', 'lambda:EventSourceToken', g('EventSourceToken', 'event_source_token'));
  const sid = str(g('Id', 'statement_id'));
  return {
    Sid: typeof sid === 'string' ? sid : b.address,
    Effect: 'Allow',
    Principal: principal,
    Action: action,
    Resource: fnArn,
    ...(Object.keys(condition).length > 0 ? { Condition: condition } : {}),
  };
}

function environment(v: unknown): unknown {
  const env = obj(v);
  if (env === undefined || isUnknown(env)) return env;
  const vars = env.Variables ?? env.variables;
  if (vars === undefined) return undefined;
  if (isUnknown(vars) || isRef(vars) || typeof vars !== 'object' || vars === null) {
    return unknown('environment variables are unresolved');
  }
  const names = Object.keys(vars).sort();
  return {
    VariableNames: names,
    SecretLikeVariables: names.filter((n) => {
      const value = (vars as Props)[n];
      return (typeof value === 'string' || typeof value === 'number') && looksSecret(n, String(value));
    }),
  };
}

function lambdaFunction(block: IacBlock, ctx: MapContext): Mapped {
  const p = block.props;
  const cfn = isCfn(block);
  const loc = new Locations();
  const g = (c: string, t: string) => (cfn ? p[c] : p[t]);
  const name = str(g('FunctionName', 'function_name'));
  const arn = selfId(block);
  const names = literals(name);
  const permissions = cfn
    ? ctx.referrers('AWS::Lambda::Permission', 'FunctionName', block, names)
    : ctx.referrers('aws_lambda_permission', 'function_name', block, names);
  const statements = permissions.map((b) => permissionStatement(b, arn));
  permissions.forEach((b, i) => {
    ctx.consume(b);
    loc.set(`Policy.Statement.${i}`, b);
  });
  const badStatement = statements.find(isUnknown);
  const urls = cfn
    ? ctx.referrers('AWS::Lambda::Url', 'TargetFunctionArn', block, names)
    : ctx.referrers('aws_lambda_function_url', 'function_name', block, names);
  for (const u of urls) ctx.consume(u);
  const url = urls[0];
  const vpc = obj(g('VpcConfig', 'vpc_config'));
  const packageType = str(g('PackageType', 'package_type')) ?? 'Zip';
  loc.set('Runtime', block, cfn ? 'Runtime' : 'runtime');
  loc.set('VpcConfig', block, cfn ? 'VpcConfig' : 'vpc_config');
  loc.set('Environment', block, cfn ? 'Environment' : 'environment');
  if (url) loc.set('FunctionUrlConfig', url);
  const listOf = (v: unknown) => {
    const l = list(v);
    return isUnknown(l) ? l : l.map(str);
  };
  const tracing = obj(g('TracingConfig', 'tracing_config'));
  return {
    type: 'aws.lambda.function',
    name: nameOf(block, name),
    props: compact({
      FunctionName: typeof name === 'string' ? name : block.address,
      FunctionArn: arn,
      Runtime: str(g('Runtime', 'runtime')) ?? (packageType === 'Image' ? undefined : unknown('Runtime not set')),
      Handler: str(g('Handler', 'handler')),
      Role: str(g('Role', 'role')),
      PackageType: packageType,
      MemorySize: num(g('MemorySize', 'memory_size')) ?? 128,
      Timeout: num(g('Timeout', 'timeout')) ?? 3,
      KMSKeyArn: str(g('KmsKeyArn', 'kms_key_arn')),
      TracingConfig:
        tracing === undefined || isUnknown(tracing)
          ? { Mode: 'PassThrough' }
          : { Mode: str(cfn ? tracing.Mode : tracing.mode) ?? 'PassThrough' },
      VpcConfig:
        vpc === undefined || isUnknown(vpc)
          ? vpc
          : {
              SubnetIds: listOf(cfn ? vpc.SubnetIds : vpc.subnet_ids),
              SecurityGroupIds: listOf(cfn ? vpc.SecurityGroupIds : vpc.security_group_ids),
            },
      Environment: environment(g('Environment', 'environment')),
      Policy:
        badStatement !== undefined
          ? badStatement
          : statements.length === 0
            ? null
            : { Version: '2012-10-17', Id: 'default', Statement: statements as PolicyStatement[] },
      FunctionUrlConfig: url
        ? {
            FunctionUrl: selfId(url),
            FunctionArn: arn,
            AuthType:
              str(isCfn(url) ? url.props.AuthType : url.props.authorization_type) ?? unknown('AuthType not set'),
          }
        : null,
    }),
    tags: tagsOf(block),
    locations: loc.map,
    joined: [...permissions, ...urls],
  };
}

// ---------------------------------------------------------------------------------------------------------------

const m = (source: string, map: BlockMapper['map']): BlockMapper => ({ source, map });

export const edgeMappers: BlockMapper[] = [
  m('AWS::ElasticLoadBalancingV2::LoadBalancer', loadBalancer),
  m('aws_lb', loadBalancer),
  m('aws_alb', loadBalancer),
  m('AWS::ElasticLoadBalancingV2::Listener', listener),
  m('aws_lb_listener', listener),
  m('aws_alb_listener', listener),
  m('AWS::CloudFront::Distribution', distribution),
  m('aws_cloudfront_distribution', distribution),
  m('AWS::ApiGateway::Stage', stage),
  m('aws_api_gateway_stage', stage),
  m('AWS::Lambda::Function', lambdaFunction),
  m('aws_lambda_function', lambdaFunction),
];
