import { isUnknown, type Unknown, unknown } from '../../../core/resource.js';
import type { BlockMapper, Mapped } from '../mapper.js';
import {
  block,
  blocks,
  bool,
  cfnTags,
  compact,
  literal,
  locate,
  num,
  obj,
  type Props,
  str,
  strList,
  tfTags,
} from './values.js';

/*
 * Redshift clusters, ElastiCache replication groups, OpenSearch / Elasticsearch domains and EKS clusters, in the
 * shape of redshift:DescribeClusters (+ DescribeLoggingStatus), elasticache:DescribeReplicationGroups,
 * opensearch:DescribeDomain and eks:DescribeCluster.
 */

// ---------------------------------------------------------------- Redshift

/*
 * Since January 2025 Amazon Redshift creates provisioned clusters private (PubliclyAccessible false) and encrypted
 * by default. CloudFormation omits absent properties, so the API's current defaults apply. The Terraform provider
 * sends its own schema defaults, which changed between provider major versions; the version is outside the
 * configuration, so an absent `publicly_accessible` / `encrypted` is Unknown rather than a guess.
 */
const TF_PROVIDER_DEFAULT = (attr: string): Unknown =>
  unknown(`${attr} not set: its default depends on the AWS provider version`);

function redshiftLogging(enabled: boolean | Unknown | undefined, p: Props | undefined) {
  if (enabled === undefined) return { LoggingEnabled: false };
  if (isUnknown(enabled)) return { LoggingEnabled: enabled };
  return compact({
    LoggingEnabled: enabled,
    BucketName: str(p?.BucketName ?? p?.bucket_name),
    S3KeyPrefix: str(p?.S3KeyPrefix ?? p?.s3_key_prefix),
    LogDestinationType: str(p?.LogDestinationType ?? p?.log_destination_type, enabled ? 's3' : undefined),
    LogExports: strList(p?.LogExports ?? p?.log_exports),
  });
}

const cfnRedshift: BlockMapper = {
  source: 'AWS::Redshift::Cluster',
  map(b): Mapped {
    const p = b.props;
    const logging = obj(p.LoggingProperties);
    const enabled = logging === undefined ? undefined : isUnknown(logging) ? logging : true;
    return {
      type: 'aws.redshift.cluster',
      name: typeof p.ClusterIdentifier === 'string' ? p.ClusterIdentifier : b.address,
      props: compact({
        ClusterIdentifier: str(p.ClusterIdentifier),
        NodeType: str(p.NodeType),
        NumberOfNodes: num(p.NumberOfNodes, 1),
        DBName: str(p.DBName),
        PubliclyAccessible: bool(p.PubliclyAccessible, false),
        Encrypted: bool(p.Encrypted, true),
        KmsKeyId: str(p.KmsKeyId),
        EnhancedVpcRouting: bool(p.EnhancedVpcRouting, false),
        AutomatedSnapshotRetentionPeriod: num(p.AutomatedSnapshotRetentionPeriod, 1),
        AllowVersionUpgrade: bool(p.AllowVersionUpgrade, true),
        LoggingStatus: redshiftLogging(enabled, isUnknown(logging) ? undefined : logging),
      }),
      tags: cfnTags(p.Tags),
      locations: locate(b, {
        PubliclyAccessible: 'PubliclyAccessible',
        Encrypted: 'Encrypted',
        KmsKeyId: 'KmsKeyId',
        EnhancedVpcRouting: 'EnhancedVpcRouting',
        AutomatedSnapshotRetentionPeriod: 'AutomatedSnapshotRetentionPeriod',
        LoggingStatus: 'LoggingProperties',
      }),
    };
  },
};

const tfRedshift: BlockMapper = {
  source: 'aws_redshift_cluster',
  map(b, ctx): Mapped {
    const p = b.props;
    // Audit logging: the split aws_redshift_logging resource, or the older inline `logging` block.
    const split = ctx.referrers('aws_redshift_logging', 'cluster_identifier', b, literal(p.cluster_identifier));
    for (const s of split) ctx.consume(s);
    const inline = block(p.logging);
    let enabled: boolean | Unknown | undefined;
    let source: Props | undefined;
    if (split[0]) {
      source = split[0].props;
      enabled = true;
    } else if (inline !== undefined) {
      if (isUnknown(inline)) enabled = inline;
      else {
        source = inline;
        enabled = bool(inline.enable, false);
      }
    }
    const locations = locate(b, {
      PubliclyAccessible: 'publicly_accessible',
      Encrypted: 'encrypted',
      KmsKeyId: 'kms_key_id',
      EnhancedVpcRouting: 'enhanced_vpc_routing',
      AutomatedSnapshotRetentionPeriod: 'automated_snapshot_retention_period',
      LoggingStatus: 'logging.0',
    });
    if (split[0]) locations.LoggingStatus = { file: split[0].file, line: split[0].line };
    return {
      type: 'aws.redshift.cluster',
      name: typeof p.cluster_identifier === 'string' ? p.cluster_identifier : b.address,
      props: compact({
        ClusterIdentifier: str(p.cluster_identifier),
        NodeType: str(p.node_type),
        NumberOfNodes: num(p.number_of_nodes, 1),
        DBName: str(p.database_name),
        PubliclyAccessible: bool(p.publicly_accessible, TF_PROVIDER_DEFAULT('publicly_accessible')),
        Encrypted: bool(p.encrypted, TF_PROVIDER_DEFAULT('encrypted')),
        KmsKeyId: str(p.kms_key_id),
        EnhancedVpcRouting: bool(p.enhanced_vpc_routing, false),
        AutomatedSnapshotRetentionPeriod: num(p.automated_snapshot_retention_period, 1),
        AllowVersionUpgrade: bool(p.allow_version_upgrade, true),
        LoggingStatus: redshiftLogging(enabled, source),
      }),
      tags: tfTags(p.tags),
      locations,
      joined: split,
    };
  },
};

// ---------------------------------------------------------------- ElastiCache

/*
 * CreateReplicationGroup: AtRestEncryptionEnabled, TransitEncryptionEnabled, AutomaticFailoverEnabled and
 * MultiAZEnabled all default to false; Engine to redis.
 */
const status = (v: boolean | Unknown | undefined): string | Unknown | undefined =>
  typeof v === 'boolean' ? (v ? 'enabled' : 'disabled') : v;

function replicationGroup(b: { address: string }, x: Record<string, unknown>, tags: Record<string, string>): Mapped {
  return {
    type: 'aws.elasticache.replication_group',
    name: typeof x.ReplicationGroupId === 'string' ? x.ReplicationGroupId : b.address,
    props: compact(x),
    tags,
  };
}

const cfnReplicationGroup: BlockMapper = {
  source: 'AWS::ElastiCache::ReplicationGroup',
  map(b): Mapped {
    const p = b.props;
    const m = replicationGroup(
      b,
      {
        ReplicationGroupId: str(p.ReplicationGroupId),
        Description: str(p.ReplicationGroupDescription),
        Engine: str(p.Engine, 'redis'),
        CacheNodeType: str(p.CacheNodeType),
        AtRestEncryptionEnabled: bool(p.AtRestEncryptionEnabled, false),
        TransitEncryptionEnabled: bool(p.TransitEncryptionEnabled, false),
        AuthTokenEnabled: p.AuthToken !== undefined,
        KmsKeyId: str(p.KmsKeyId),
        AutomaticFailover: status(bool(p.AutomaticFailoverEnabled, false)),
        MultiAZ: status(bool(p.MultiAZEnabled, false)),
        SnapshotRetentionLimit: num(p.SnapshotRetentionLimit, 0),
        ClusterEnabled: p.NumNodeGroups !== undefined || p.NodeGroupConfiguration !== undefined ? true : undefined,
      },
      cfnTags(p.Tags),
    );
    m.locations = locate(b, {
      AtRestEncryptionEnabled: 'AtRestEncryptionEnabled',
      TransitEncryptionEnabled: 'TransitEncryptionEnabled',
      AutomaticFailover: 'AutomaticFailoverEnabled',
      MultiAZ: 'MultiAZEnabled',
      AuthTokenEnabled: 'AuthToken',
      SnapshotRetentionLimit: 'SnapshotRetentionLimit',
    });
    return m;
  },
};

const tfReplicationGroup: BlockMapper = {
  source: 'aws_elasticache_replication_group',
  map(b): Mapped {
    const p = b.props;
    const m = replicationGroup(
      b,
      {
        ReplicationGroupId: str(p.replication_group_id),
        Description: str(p.description),
        Engine: str(p.engine, 'redis'),
        CacheNodeType: str(p.node_type),
        AtRestEncryptionEnabled: bool(p.at_rest_encryption_enabled, false),
        TransitEncryptionEnabled: bool(p.transit_encryption_enabled, false),
        AuthTokenEnabled: p.auth_token !== undefined,
        KmsKeyId: str(p.kms_key_id),
        AutomaticFailover: status(bool(p.automatic_failover_enabled, false)),
        MultiAZ: status(bool(p.multi_az_enabled, false)),
        SnapshotRetentionLimit: num(p.snapshot_retention_limit, 0),
      },
      tfTags(p.tags),
    );
    m.locations = locate(b, {
      AtRestEncryptionEnabled: 'at_rest_encryption_enabled',
      TransitEncryptionEnabled: 'transit_encryption_enabled',
      AutomaticFailover: 'automatic_failover_enabled',
      MultiAZ: 'multi_az_enabled',
      AuthTokenEnabled: 'auth_token',
      SnapshotRetentionLimit: 'snapshot_retention_limit',
    });
    return m;
  },
};

// ---------------------------------------------------------------- OpenSearch / Elasticsearch

/*
 * CreateDomain: encryption at rest and node-to-node encryption off, HTTPS not enforced, no VPC (a public
 * endpoint), no log publishing unless set. The TLS policy a new domain gets when none is given is chosen by the
 * service (it has changed over time), so an absent TLSSecurityPolicy is Unknown.
 */
const TLS_DEFAULT = unknown('TLSSecurityPolicy not set: the service chooses the default policy');

function domainProps(x: {
  name: unknown;
  version: unknown;
  rest: Props | Unknown | undefined;
  n2n: Props | Unknown | undefined;
  endpoint: Props | Unknown | undefined;
  vpc: Props | Unknown | undefined;
  logs: Record<string, unknown> | Unknown | undefined;
  restKeys: [string, string];
  n2nKey: string;
  endpointKeys: [string, string];
  vpcKeys: [string, string];
  /** Fine-grained access control block and its `enabled` key. */
  security: Props | Unknown | undefined;
  securityKey: string;
}): Props {
  const field = (o: Props | Unknown | undefined, k: string): unknown =>
    o === undefined ? undefined : isUnknown(o) ? o : o[k];
  const vpc =
    x.vpc === undefined
      ? undefined
      : isUnknown(x.vpc)
        ? x.vpc
        : compact({ SubnetIds: strList(x.vpc[x.vpcKeys[0]]), SecurityGroupIds: strList(x.vpc[x.vpcKeys[1]]) });
  return compact({
    DomainName: str(x.name),
    EngineVersion: x.version,
    EncryptionAtRestOptions: compact({
      Enabled: bool(field(x.rest, x.restKeys[0]), false),
      KmsKeyId: str(field(x.rest, x.restKeys[1])),
    }),
    NodeToNodeEncryptionOptions: { Enabled: bool(field(x.n2n, x.n2nKey), false) },
    DomainEndpointOptions: compact({
      EnforceHTTPS: bool(field(x.endpoint, x.endpointKeys[0]), false),
      TLSSecurityPolicy: str(field(x.endpoint, x.endpointKeys[1]), TLS_DEFAULT),
    }),
    VPCOptions: vpc,
    LogPublishingOptions: x.logs,
    // Fine-grained access control is off unless the template turns it on.
    AdvancedSecurityOptions: { Enabled: bool(field(x.security, x.securityKey), false) },
  });
}

function cfnDomain(source: string): BlockMapper {
  const es = source === 'AWS::Elasticsearch::Domain';
  return {
    source,
    map(b): Mapped {
      const p = b.props;
      const version = es
        ? typeof p.ElasticsearchVersion === 'string'
          ? `Elasticsearch_${p.ElasticsearchVersion}`
          : str(p.ElasticsearchVersion, unknown('ElasticsearchVersion not set'))
        : str(p.EngineVersion, unknown('EngineVersion not set: the latest version at creation'));
      const logsIn = obj(p.LogPublishingOptions);
      let logs: Record<string, unknown> | Unknown | undefined;
      if (logsIn !== undefined) {
        if (isUnknown(logsIn)) logs = logsIn;
        else {
          logs = {};
          for (const [type, o] of Object.entries(logsIn)) {
            const opt = obj(o);
            logs[type] =
              opt === undefined || isUnknown(opt)
                ? (opt ?? {})
                : compact({
                    CloudWatchLogsLogGroupArn: str(opt.CloudWatchLogsLogGroupArn),
                    Enabled: bool(opt.Enabled, false),
                  });
          }
        }
      }
      return {
        type: 'aws.opensearch.domain',
        name: typeof p.DomainName === 'string' ? p.DomainName : b.address,
        props: domainProps({
          name: p.DomainName,
          version,
          rest: obj(p.EncryptionAtRestOptions),
          n2n: obj(p.NodeToNodeEncryptionOptions),
          endpoint: obj(p.DomainEndpointOptions),
          vpc: obj(p.VPCOptions),
          logs,
          restKeys: ['Enabled', 'KmsKeyId'],
          n2nKey: 'Enabled',
          endpointKeys: ['EnforceHTTPS', 'TLSSecurityPolicy'],
          vpcKeys: ['SubnetIds', 'SecurityGroupIds'],
          security: obj(p.AdvancedSecurityOptions),
          securityKey: 'Enabled',
        }),
        tags: cfnTags(p.Tags),
        locations: locate(b, {
          EncryptionAtRestOptions: 'EncryptionAtRestOptions',
          'EncryptionAtRestOptions.Enabled': 'EncryptionAtRestOptions.Enabled',
          NodeToNodeEncryptionOptions: 'NodeToNodeEncryptionOptions',
          'NodeToNodeEncryptionOptions.Enabled': 'NodeToNodeEncryptionOptions.Enabled',
          DomainEndpointOptions: 'DomainEndpointOptions',
          'DomainEndpointOptions.EnforceHTTPS': 'DomainEndpointOptions.EnforceHTTPS',
          'DomainEndpointOptions.TLSSecurityPolicy': 'DomainEndpointOptions.TLSSecurityPolicy',
          VPCOptions: 'VPCOptions',
          LogPublishingOptions: 'LogPublishingOptions',
          AdvancedSecurityOptions: 'AdvancedSecurityOptions',
          'AdvancedSecurityOptions.Enabled': 'AdvancedSecurityOptions.Enabled',
        }),
      };
    },
  };
}

function tfDomain(source: string): BlockMapper {
  const es = source === 'aws_elasticsearch_domain';
  return {
    source,
    map(b): Mapped {
      const p = b.props;
      const rawVersion = es ? p.elasticsearch_version : p.engine_version;
      const version = es
        ? typeof rawVersion === 'string'
          ? `Elasticsearch_${rawVersion}`
          : str(rawVersion, 'Elasticsearch_1.5')
        : str(rawVersion, unknown('engine_version not set: the latest version at creation'));
      const logList = blocks(p.log_publishing_options);
      let logs: Record<string, unknown> | Unknown | undefined;
      if (isUnknown(logList)) logs = logList;
      else if (logList.length > 0) {
        logs = {};
        for (const l of logList) {
          const type = l.log_type;
          if (typeof type !== 'string') {
            logs = unknown('log_type not resolved');
            break;
          }
          logs[type] = compact({
            CloudWatchLogsLogGroupArn: str(l.cloudwatch_log_group_arn),
            Enabled: bool(l.enabled, true),
          });
        }
      }
      return {
        type: 'aws.opensearch.domain',
        name: typeof p.domain_name === 'string' ? p.domain_name : b.address,
        props: domainProps({
          name: p.domain_name,
          version,
          rest: block(p.encrypt_at_rest),
          n2n: block(p.node_to_node_encryption),
          endpoint: block(p.domain_endpoint_options),
          vpc: block(p.vpc_options),
          logs,
          restKeys: ['enabled', 'kms_key_id'],
          n2nKey: 'enabled',
          endpointKeys: ['enforce_https', 'tls_security_policy'],
          vpcKeys: ['subnet_ids', 'security_group_ids'],
          security: block(p.advanced_security_options),
          securityKey: 'enabled',
        }),
        tags: tfTags(p.tags),
        locations: locate(b, {
          EncryptionAtRestOptions: 'encrypt_at_rest.0',
          'EncryptionAtRestOptions.Enabled': 'encrypt_at_rest.0.enabled',
          NodeToNodeEncryptionOptions: 'node_to_node_encryption.0',
          'NodeToNodeEncryptionOptions.Enabled': 'node_to_node_encryption.0.enabled',
          DomainEndpointOptions: 'domain_endpoint_options.0',
          'DomainEndpointOptions.EnforceHTTPS': 'domain_endpoint_options.0.enforce_https',
          'DomainEndpointOptions.TLSSecurityPolicy': 'domain_endpoint_options.0.tls_security_policy',
          VPCOptions: 'vpc_options.0',
          LogPublishingOptions: 'log_publishing_options.0',
          AdvancedSecurityOptions: 'advanced_security_options.0',
          'AdvancedSecurityOptions.Enabled': 'advanced_security_options.0.enabled',
        }),
      };
    },
  };
}

// ---------------------------------------------------------------- EKS

/*
 * CreateCluster: the endpoint is public (endpointPublicAccess true, publicAccessCidrs 0.0.0.0/0) and private access
 * is off; no control plane log types; no secrets encryption. A cluster created without a version gets the default
 * version of that day, so an absent version is Unknown.
 */
function eksProps(x: {
  name: unknown;
  version: unknown;
  vpc: Props | Unknown | undefined;
  vpcKeys: [string, string, string];
  logTypes: unknown;
  encryption: Props[] | Unknown;
  encKeys: [string, string, string];
}): Props {
  const vpcField = (k: string): unknown => (x.vpc === undefined ? undefined : isUnknown(x.vpc) ? x.vpc : x.vpc[k]);
  const publicAccess = bool(vpcField(x.vpcKeys[0]), true);
  const types = strList(x.logTypes);
  const enc = isUnknown(x.encryption)
    ? x.encryption
    : x.encryption.map((e) => {
        const provider = isUnknown(e[x.encKeys[1]]) ? e[x.encKeys[1]] : block(e[x.encKeys[1]]);
        return compact({
          resources: strList(e[x.encKeys[0]]),
          provider:
            provider === undefined || isUnknown(provider)
              ? provider
              : compact({ keyArn: str((provider as Props)[x.encKeys[2]]) }),
        });
      });
  return compact({
    name: str(x.name),
    version: str(x.version, unknown('version not set: the default Kubernetes version at creation')),
    resourcesVpcConfig: compact({
      endpointPublicAccess: publicAccess,
      endpointPrivateAccess: bool(vpcField(x.vpcKeys[1]), false),
      publicAccessCidrs: publicAccess === false ? undefined : (strList(vpcField(x.vpcKeys[2])) ?? ['0.0.0.0/0']),
    }),
    logging: {
      clusterLogging:
        types === undefined || (Array.isArray(types) && types.length === 0)
          ? [{ types: ['api', 'audit', 'authenticator', 'controllerManager', 'scheduler'], enabled: false }]
          : isUnknown(types)
            ? types
            : [{ types, enabled: true }],
    },
    encryptionConfig: isUnknown(enc) || enc.length > 0 ? enc : undefined,
  });
}

const cfnEks: BlockMapper = {
  source: 'AWS::EKS::Cluster',
  map(b): Mapped {
    const p = b.props;
    const logging = obj(p.Logging);
    const clusterLogging = logging === undefined || isUnknown(logging) ? logging : obj(logging.ClusterLogging);
    const enabledTypes =
      clusterLogging === undefined || isUnknown(clusterLogging) ? clusterLogging : clusterLogging.EnabledTypes;
    const logTypes = Array.isArray(enabledTypes)
      ? enabledTypes.map((t) => (t && typeof t === 'object' && !isUnknown(t) ? (t as Props).Type : t))
      : enabledTypes;
    const encIn = p.EncryptionConfig;
    return {
      type: 'aws.eks.cluster',
      name: typeof p.Name === 'string' ? p.Name : b.address,
      props: eksProps({
        name: p.Name,
        version: p.Version,
        vpc: obj(p.ResourcesVpcConfig),
        vpcKeys: ['EndpointPublicAccess', 'EndpointPrivateAccess', 'PublicAccessCidrs'],
        logTypes,
        encryption: isUnknown(encIn) ? encIn : blocks(encIn),
        encKeys: ['Resources', 'Provider', 'KeyArn'],
      }),
      tags: cfnTags(p.Tags),
      locations: locate(b, {
        version: 'Version',
        resourcesVpcConfig: 'ResourcesVpcConfig',
        'resourcesVpcConfig.endpointPublicAccess': 'ResourcesVpcConfig.EndpointPublicAccess',
        'resourcesVpcConfig.publicAccessCidrs': 'ResourcesVpcConfig.PublicAccessCidrs',
        logging: 'Logging',
        encryptionConfig: 'EncryptionConfig',
      }),
    };
  },
};

const tfEks: BlockMapper = {
  source: 'aws_eks_cluster',
  map(b): Mapped {
    const p = b.props;
    return {
      type: 'aws.eks.cluster',
      name: typeof p.name === 'string' ? p.name : b.address,
      props: eksProps({
        name: p.name,
        version: p.version,
        vpc: block(p.vpc_config),
        vpcKeys: ['endpoint_public_access', 'endpoint_private_access', 'public_access_cidrs'],
        logTypes: p.enabled_cluster_log_types,
        encryption: blocks(p.encryption_config),
        encKeys: ['resources', 'provider', 'key_arn'],
      }),
      tags: tfTags(p.tags),
      locations: locate(b, {
        version: 'version',
        resourcesVpcConfig: 'vpc_config.0',
        'resourcesVpcConfig.endpointPublicAccess': 'vpc_config.0.endpoint_public_access',
        'resourcesVpcConfig.publicAccessCidrs': 'vpc_config.0.public_access_cidrs',
        logging: 'enabled_cluster_log_types',
        encryptionConfig: 'encryption_config.0',
      }),
    };
  },
};

export const analyticsMappers: BlockMapper[] = [
  cfnRedshift,
  tfRedshift,
  cfnReplicationGroup,
  tfReplicationGroup,
  cfnDomain('AWS::OpenSearchService::Domain'),
  cfnDomain('AWS::Elasticsearch::Domain'),
  tfDomain('aws_opensearch_domain'),
  tfDomain('aws_elasticsearch_domain'),
  cfnEks,
  tfEks,
];
