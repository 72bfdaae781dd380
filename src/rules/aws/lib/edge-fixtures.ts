/** Fixture shapes shared by the CloudFront rules (cloudfront:GetDistribution) and their templates. */

export const S3_ORIGIN = {
  Id: 'assets',
  DomainName: 'assets-111122223333.s3.us-east-1.amazonaws.com',
  OriginPath: '',
  S3OriginConfig: { OriginAccessIdentity: '' },
  OriginAccessControlId: 'E2QWRUHAPOMQZL',
};
export const CUSTOM_ORIGIN = {
  Id: 'api',
  DomainName: 'api.example.com',
  OriginPath: '',
  CustomOriginConfig: {
    HTTPPort: 80,
    HTTPSPort: 443,
    OriginProtocolPolicy: 'https-only',
    OriginSslProtocols: { Quantity: 1, Items: ['TLSv1.2'] },
  },
  OriginAccessControlId: '',
};

/** A distribution as GetDistribution returns it, with DistributionConfig fields overridden. */
export const distribution = (config: Record<string, unknown> = {}) => ({
  Id: 'E1A2B3C4D5E6F7',
  ARN: 'arn:aws:cloudfront::111122223333:distribution/E1A2B3C4D5E6F7',
  Status: 'Deployed',
  DomainName: 'd111111abcdef8.cloudfront.net',
  DistributionConfig: {
    CallerReference: 'web-2026-01-01',
    Comment: 'static site',
    Enabled: true,
    DefaultRootObject: 'index.html',
    Origins: { Quantity: 1, Items: [S3_ORIGIN] },
    DefaultCacheBehavior: { TargetOriginId: 'assets', ViewerProtocolPolicy: 'redirect-to-https' },
    CacheBehaviors: { Quantity: 0 },
    Logging: { Enabled: true, IncludeCookies: false, Bucket: 'cf-logs-111122223333.s3.amazonaws.com', Prefix: 'web/' },
    ViewerCertificate: {
      ACMCertificateArn: 'arn:aws:acm:us-east-1:111122223333:certificate/1234abcd-12ab-34cd-56ef-1234567890ab',
      SSLSupportMethod: 'sni-only',
      MinimumProtocolVersion: 'TLSv1.2_2021',
      CertificateSource: 'acm',
    },
    WebACLId: 'arn:aws:wafv2:us-east-1:111122223333:global/webacl/web/a1b2c3d4-5678-90ab-cdef-EXAMPLE11111',
    HttpVersion: 'http2',
    PriceClass: 'PriceClass_All',
    ...config,
  },
});

/** A CloudFormation template with one distribution; `extra` goes inside DistributionConfig. */
export const cfnDistribution = (extra: string, origin = S3_CFN_ORIGIN, behavior = 'redirect-to-https') => `Resources:
  Assets:
    Type: AWS::S3::Bucket
  Oac:
    Type: AWS::CloudFront::OriginAccessControl
    Properties:
      OriginAccessControlConfig:
        Name: assets
        OriginAccessControlOriginType: s3
        SigningBehavior: always
        SigningProtocol: sigv4
  Web:
    Type: AWS::CloudFront::Distribution
    Properties:
      DistributionConfig:
        Enabled: true
        DefaultRootObject: index.html
        Origins:
${origin}        DefaultCacheBehavior:
          TargetOriginId: assets
          ViewerProtocolPolicy: ${behavior}
          CachePolicyId: 658327ea-f89d-4fab-a63d-7e88639e58f6
${extra}`;
export const S3_CFN_ORIGIN = `          - Id: assets
            DomainName: !GetAtt Assets.RegionalDomainName
            S3OriginConfig:
              OriginAccessIdentity: ''
            OriginAccessControlId: !GetAtt Oac.Id
`;

/** A Terraform configuration with one distribution; `extra` goes inside the resource block. */
export const tfDistribution = (
  extra: string,
  origin = S3_TF_ORIGIN,
  behavior = 'redirect-to-https',
) => `resource "aws_s3_bucket" "assets" {
  bucket = "assets-111122223333"
}

resource "aws_cloudfront_origin_access_control" "assets" {
  name                              = "assets"
  origin_access_control_origin_type = "s3"
  signing_behavior                  = "always"
  signing_protocol                  = "sigv4"
}

resource "aws_cloudfront_distribution" "web" {
  enabled             = true
  default_root_object = "index.html"
${origin}  default_cache_behavior {
    target_origin_id       = "assets"
    viewer_protocol_policy = "${behavior}"
    allowed_methods        = ["GET", "HEAD"]
    cached_methods         = ["GET", "HEAD"]
    cache_policy_id        = "658327ea-f89d-4fab-a63d-7e88639e58f6"
  }
  restrictions {
    geo_restriction {
      restriction_type = "none"
    }
  }
  viewer_certificate {
    cloudfront_default_certificate = true
  }
${extra}}
`;
export const S3_TF_ORIGIN = `  origin {
    origin_id                = "assets"
    domain_name              = aws_s3_bucket.assets.bucket_regional_domain_name
    origin_access_control_id = aws_cloudfront_origin_access_control.assets.id
  }
`;

/** An API Gateway REST API stage as apigateway:GetStages returns it (camelCase), with fields overridden. */
export const apiStage = (over: Record<string, unknown> = {}) => ({
  deploymentId: 'abc123',
  stageName: 'prod',
  restApiId: 'a1b2c3d4e5',
  cacheClusterEnabled: false,
  cacheClusterStatus: 'NOT_AVAILABLE',
  methodSettings: {
    '*/*': {
      metricsEnabled: true,
      loggingLevel: 'ERROR',
      dataTraceEnabled: false,
      throttlingBurstLimit: 5000,
      throttlingRateLimit: 10000,
      cachingEnabled: false,
      cacheTtlInSeconds: 300,
      cacheDataEncrypted: false,
      requireAuthorizationForCacheControl: true,
      unauthorizedCacheControlHeaderStrategy: 'SUCCEED_WITH_RESPONSE_HEADER',
    },
  },
  tracingEnabled: true,
  webAclArn: 'arn:aws:wafv2:us-east-1:111122223333:regional/webacl/api/a1b2c3d4-5678-90ab-cdef-EXAMPLE22222',
  createdDate: '2026-01-10T09:00:00.000Z',
  lastUpdatedDate: '2026-06-01T09:00:00.000Z',
  ...over,
});

/** A CloudFormation REST API with one stage; `props` go under the stage's Properties. */
export const cfnStage = (props: string, params = '') => `${params ? `Parameters:\n${params}` : ''}Resources:
  Api:
    Type: AWS::ApiGateway::RestApi
    Properties:
      Name: orders
  Deployment:
    Type: AWS::ApiGateway::Deployment
    Properties:
      RestApiId: !Ref Api
  Prod:
    Type: AWS::ApiGateway::Stage
    Properties:
      StageName: prod
      RestApiId: !Ref Api
      DeploymentId: !Ref Deployment
${props}`;

/** A Terraform REST API with one stage; `stage` goes inside the stage block, `extra` after it. */
export const tfStage = (stage: string, extra = '') => `resource "aws_api_gateway_rest_api" "orders" {
  name = "orders"
}

resource "aws_api_gateway_deployment" "orders" {
  rest_api_id = aws_api_gateway_rest_api.orders.id
}

resource "aws_api_gateway_stage" "prod" {
  stage_name    = "prod"
  rest_api_id   = aws_api_gateway_rest_api.orders.id
  deployment_id = aws_api_gateway_deployment.orders.id
${stage}}
${extra}`;

/** aws_api_gateway_method_settings for the prod stage, with the given settings lines. */
export const tfMethodSettings = (settings: string, path = '*/*') => `
resource "aws_api_gateway_method_settings" "all" {
  rest_api_id = aws_api_gateway_rest_api.orders.id
  stage_name  = aws_api_gateway_stage.prod.stage_name
  method_path = "${path}"
  settings {
${settings}  }
}
`;

/** A Lambda function as lambda:ListFunctions returns it (environment reduced to names), with fields overridden. */
export const lambdaFunction = (over: Record<string, unknown> = {}) => ({
  FunctionName: 'orders-api',
  FunctionArn: 'arn:aws:lambda:us-east-1:111122223333:function:orders-api',
  Runtime: 'nodejs22.x',
  Role: 'arn:aws:iam::111122223333:role/orders-api',
  Handler: 'index.handler',
  CodeSize: 48213,
  Timeout: 10,
  MemorySize: 256,
  LastModified: '2026-09-01T10:00:00.000+0000',
  PackageType: 'Zip',
  Architectures: ['arm64'],
  TracingConfig: { Mode: 'Active' },
  VpcConfig: { SubnetIds: ['subnet-0a1b2c3d'], SecurityGroupIds: ['sg-0a1b2c3d'], VpcId: 'vpc-0a1b2c3d' },
  Policy: null,
  FunctionUrlConfig: null,
  ...over,
});

/** A CloudFormation template with one function; `props` go under its Properties, `extra` after it. */
export const cfnFunction = (
  props: string,
  extra = '',
  params = '',
) => `${params ? `Parameters:\n${params}` : ''}Resources:
  OrdersApi:
    Type: AWS::Lambda::Function
    Properties:
      FunctionName: orders-api
      Handler: index.handler
      Role: arn:aws:iam::111122223333:role/orders-api
      Code:
        S3Bucket: artifacts-111122223333
        S3Key: orders-api.zip
${props}${extra}`;

/** A Terraform configuration with one function; `attrs` go inside its block, `extra` after it. */
export const tfFunction = (attrs: string, extra = '') => `resource "aws_lambda_function" "orders" {
  function_name = "orders-api"
  handler       = "index.handler"
  role          = "arn:aws:iam::111122223333:role/orders-api"
  s3_bucket     = "artifacts-111122223333"
  s3_key        = "orders-api.zip"
${attrs}}
${extra}`;
