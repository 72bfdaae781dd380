import type { Stage } from '@aws-sdk/client-api-gateway';
import type { Distribution } from '@aws-sdk/client-cloudfront';
import type { Listener } from '@aws-sdk/client-elastic-load-balancing-v2';
import type { Json } from '../json.js';

/**
 * aws.elbv2.listener (regional; uid ListenerArn): one elasticloadbalancing:DescribeListeners item as returned
 * (Protocol, Port, SslPolicy, Certificates, DefaultActions with their RedirectConfig, …).
 */
export type ListenerProps = Json<Listener>;

/**
 * aws.cloudfront.distribution (region global; uid ARN): cloudfront:GetDistribution's `Distribution` as returned,
 * DistributionConfig included (ViewerCertificate, DefaultCacheBehavior/CacheBehaviors ViewerProtocolPolicy,
 * Origins, Logging, and WebACLId: the AWS WAF web ACL, '' when none).
 */
export type CloudFrontDistributionProps = Json<Distribution>;

/**
 * aws.apigateway.stage (regional; uid the stage ARN arn:aws:apigateway:<region>::/restapis/<id>/stages/<name>):
 * one apigateway:GetStages item of a REST API, as returned (the API's own camelCase field names: stageName,
 * methodSettings keyed by "<resource path>/<method>" with "*\/*" for all methods, tracingEnabled, webAclArn when a
 * WAF web ACL is associated, cacheClusterEnabled, accessLogSettings).
 */
export type ApiGatewayStageProps = Json<Stage> & {
  /** The REST API the stage belongs to (the restApiId GetStages was called with). */
  restApiId?: string;
};
