import { DefaultStackSynthesizer, Duration, RemovalPolicy, type SecretValue, Stack, Token } from "aws-cdk-lib";
import type { IHttpApi } from "aws-cdk-lib/aws-apigatewayv2";
import { Certificate } from "aws-cdk-lib/aws-certificatemanager";
import {
  AllowedMethods,
  CachePolicy,
  Distribution,
  Function as EdgeFunction,
  FunctionCode,
  FunctionEventType,
  FunctionRuntime,
  HeadersFrameOption,
  HeadersReferrerPolicy,
  HttpVersion,
  OriginProtocolPolicy,
  OriginRequestPolicy,
  OriginSslPolicy,
  PriceClass,
  ResponseHeadersPolicy,
  SecurityPolicyProtocol,
  ViewerProtocolPolicy,
} from "aws-cdk-lib/aws-cloudfront";
import { HttpOrigin, S3BucketOrigin } from "aws-cdk-lib/aws-cloudfront-origins";
import { BlockPublicAccess, Bucket, BucketEncryption, type CfnBucket, ObjectOwnership } from "aws-cdk-lib/aws-s3";
import { BucketDeployment, Source } from "aws-cdk-lib/aws-s3-deployment";
import { Construct } from "constructs";
import { acknowledge } from "./nag.js";

/** The council-facing address of the site, and its certificate (ACM, us-east-1, as CloudFront requires). */
export interface CustomDomain {
  readonly domainName: string;
  readonly certificateArn: string;
}

export interface TandemWebProps {
  readonly httpApi: IHttpApi;
  /** Sent to the API in X-Tandem-Origin (services/api/src/middleware/origin-check.ts), which requires it. */
  readonly originSecret: SecretValue;
  /**
   * The us-east-1 WAF web ACL (TandemEdgeStack in edge.ts) whose rate-based rule is the outer limit on
   * requests per address; without it the distribution has no WAF (a stack synthesised for tests).
   */
  readonly webAclArn?: string | undefined;
  /** Serve the site on this domain; without it, only on the distribution's `*.cloudfront.net` domain. */
  readonly customDomain?: CustomDomain | undefined;
  /**
   * The built SPA (`web/dist`). When absent the bucket and distribution are still created but nothing is
   * uploaded, so the stack synthesizes before the SPA has been built.
   */
  readonly assetsPath?: string | undefined;
}

/**
 * Content-Security-Policy for the SPA. Everything comes from our own origin; the only other party the
 * browser talks to is Cognito (sign-in with SRP / USER_PASSWORD_AUTH). Tenant logos are https URLs chosen by
 * each council, hence `img-src https:`. No inline script: the SPA must not need `'unsafe-inline'`.
 */
export const contentSecurityPolicy = (region: string): string =>
  [
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self'",
    "img-src 'self' data: https:",
    "font-src 'self' data:",
    `connect-src 'self' https://cognito-idp.${region}.amazonaws.com`,
    "manifest-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
    "upgrade-insecure-requests",
  ].join("; ");

export const PERMISSIONS_POLICY =
  "accelerometer=(), camera=(), display-capture=(), geolocation=(), gyroscope=(), magnetometer=(), microphone=(), payment=(), usb=(), interest-cohort=()";

/**
 * Client-side routes (`/riverford/refer`, `/workspace/referrals/123`) have no file in the bucket: serve
 * index.html for any path whose last segment has no extension. Only the S3 behaviour runs this, so API
 * responses under /api/* (including their 404s) pass through untouched, which distribution-wide custom
 * error responses (403/404 -> /index.html) would not do.
 */
const SPA_FALLBACK = `function handler(event) {
  var request = event.request;
  var uri = request.uri;
  var lastSlash = uri.lastIndexOf('/');
  if (uri.indexOf('.', lastSlash) === -1) {
    request.uri = '/index.html';
  }
  return request;
}`;

/**
 * The public forms' pages (ADR 15) as CloudFront path patterns, where `*` is any run of characters, `/`
 * included: `/riverford/refer`, `/riverford/refer/myself/check`, `/riverford/volunteer/about-you`. CloudFront
 * picks an origin by path, never by method, so these send a form's no-JavaScript POST, and its GET, to the
 * API, whose routes take them to the function that draws that form (services/api/src/function-routes.ts,
 * `formPagePaths`); the function answers a GET with the SPA's index.html. No pattern ends in `refer*`: that
 * would take the SPA's `/assets/refer-<hash>.js` too. The workspace's `/workspace/referrals/...` and
 * `/workspace/volunteers/...` match none of them.
 */
export const FORM_PAGE_PATHS = ["/*/refer", "/*/refer/*", "/*/volunteer", "/*/volunteer/*"] as const;

/**
 * HSTS, CSP, nosniff, frame DENY, no referrer, Permissions-Policy. With `override` CloudFront replaces the
 * origin's values; without, it only fills in headers the origin did not send.
 */
function securityHeadersPolicy(scope: Construct, id: string, region: string, override: boolean): ResponseHeadersPolicy {
  return new ResponseHeadersPolicy(scope, id, {
    comment: `Tandem: security headers (${override ? "always" : "unless the origin sets them"})`,
    securityHeadersBehavior: {
      contentSecurityPolicy: { contentSecurityPolicy: contentSecurityPolicy(region), override },
      strictTransportSecurity: { accessControlMaxAge: Duration.days(730), includeSubdomains: true, override },
      contentTypeOptions: { override },
      frameOptions: { frameOption: HeadersFrameOption.DENY, override },
      referrerPolicy: { referrerPolicy: HeadersReferrerPolicy.NO_REFERRER, override },
      // The legacy XSS auditor is gone from browsers and could be abused; "0" is current advice.
      xssProtection: { protection: false, override },
    },
    customHeadersBehavior: {
      customHeaders: [
        { header: "Permissions-Policy", value: PERMISSIONS_POLICY, override },
        { header: "Cross-Origin-Opener-Policy", value: "same-origin", override },
      ],
    },
  });
}

/** CloudFront only accepts certificates from ACM in us-east-1; say so at synth rather than mid-deployment. */
function assertCloudFrontCertificate(arn: string): void {
  if (Token.isUnresolved(arn)) return;
  if (!/^arn:aws:acm:us-east-1:\d{12}:certificate\/[\w-]+$/.test(arn)) {
    throw new Error(`certificateArn must be an ACM certificate in us-east-1 (CloudFront's requirement), got "${arn}"`);
  }
}

/** The SPA: a private S3 bucket behind CloudFront (Origin Access Control), with /api/* routed to the HTTP API. */
export class TandemWeb extends Construct {
  readonly bucket: Bucket;
  readonly logsBucket: Bucket;
  readonly distribution: Distribution;
  /** Security headers for the SPA, replacing anything S3 sends. */
  readonly securityHeaders: ResponseHeadersPolicy;
  /** The same headers for /api/*, added only where the API sent none. */
  readonly apiSecurityHeaders: ResponseHeadersPolicy;
  readonly deployment: BucketDeployment | undefined;

  constructor(scope: Construct, id: string, props: TandemWebProps) {
    super(scope, id);
    const stack = Stack.of(this);

    // CloudFront standard logs are written with ACLs, so this bucket (and only this one) keeps ACLs enabled.
    this.logsBucket = new Bucket(this, "AccessLogs", {
      blockPublicAccess: BlockPublicAccess.BLOCK_ALL,
      encryption: BucketEncryption.S3_MANAGED,
      enforceSSL: true,
      minimumTLSVersion: 1.2,
      objectOwnership: ObjectOwnership.OBJECT_WRITER,
      lifecycleRules: [{ expiration: Duration.days(90) }],
      removalPolicy: RemovalPolicy.RETAIN,
    });
    acknowledge(
      this.logsBucket,
      "AwsSolutions-S1",
      "This is the access-log bucket for the SPA bucket and CloudFront; logging it into itself would loop.",
    );

    this.bucket = new Bucket(this, "Spa", {
      blockPublicAccess: BlockPublicAccess.BLOCK_ALL,
      encryption: BucketEncryption.S3_MANAGED,
      enforceSSL: true,
      minimumTLSVersion: 1.2,
      versioned: true,
      serverAccessLogsBucket: this.logsBucket,
      serverAccessLogsPrefix: "s3/spa/",
      lifecycleRules: [{ noncurrentVersionExpiration: Duration.days(30) }],
      removalPolicy: RemovalPolicy.RETAIN,
    });

    this.securityHeaders = securityHeadersPolicy(this, "SecurityHeaders", stack.region, true);
    // The API sets its own headers on some responses (the docs page needs its own CSP); for /api/* CloudFront
    // adds these only where the API sent none.
    this.apiSecurityHeaders = securityHeadersPolicy(this, "ApiSecurityHeaders", stack.region, false);

    const spaFallback = new EdgeFunction(this, "SpaFallback", {
      comment: "Tandem: serve index.html for client-side routes",
      runtime: FunctionRuntime.JS_2_0,
      code: FunctionCode.fromInline(SPA_FALLBACK),
    });

    const apiOrigin = new HttpOrigin(`${props.httpApi.apiId}.execute-api.${stack.region}.${stack.urlSuffix}`, {
      protocolPolicy: OriginProtocolPolicy.HTTPS_ONLY,
      originSslProtocols: [OriginSslPolicy.TLS_V1_2],
      // CloudFront overwrites a viewer's header of the same name, so only CloudFront can send it.
      customHeaders: { "x-tandem-origin": props.originSecret.unsafeUnwrap() },
    });

    // Every method, uncached, as for /api/*; the headers CloudFront adds only where the function sent none,
    // so a drawn page keeps its stricter no-script CSP and the SPA's page gets the SPA's.
    const toApi = {
      origin: apiOrigin,
      viewerProtocolPolicy: ViewerProtocolPolicy.HTTPS_ONLY,
      allowedMethods: AllowedMethods.ALLOW_ALL,
      cachePolicy: CachePolicy.CACHING_DISABLED,
      // API Gateway routes on its own Host header, so forward everything else but not Host.
      originRequestPolicy: OriginRequestPolicy.ALL_VIEWER_EXCEPT_HOST_HEADER,
      responseHeadersPolicy: this.apiSecurityHeaders,
      compress: true,
    };
    const domain = props.customDomain;
    if (domain) assertCloudFrontCertificate(domain.certificateArn);

    this.distribution = new Distribution(this, "Distribution", {
      comment: "Tandem: SPA and /api/*",
      ...(props.webAclArn ? { webAclId: props.webAclArn } : {}),
      ...(domain && {
        domainNames: [domain.domainName],
        certificate: Certificate.fromCertificateArn(this, "Certificate", domain.certificateArn),
        minimumProtocolVersion: SecurityPolicyProtocol.TLS_V1_2_2021,
      }),
      defaultRootObject: "index.html",
      priceClass: PriceClass.PRICE_CLASS_100,
      httpVersion: HttpVersion.HTTP2_AND_3,
      enableLogging: true,
      logBucket: this.logsBucket,
      logFilePrefix: "cloudfront/",
      defaultBehavior: {
        origin: S3BucketOrigin.withOriginAccessControl(this.bucket),
        viewerProtocolPolicy: ViewerProtocolPolicy.REDIRECT_TO_HTTPS,
        allowedMethods: AllowedMethods.ALLOW_GET_HEAD,
        cachePolicy: CachePolicy.CACHING_OPTIMIZED,
        responseHeadersPolicy: this.securityHeaders,
        functionAssociations: [{ function: spaFallback, eventType: FunctionEventType.VIEWER_REQUEST }],
        compress: true,
      },
      // In this order: /api/* first, so no API path is taken for a form's page.
      additionalBehaviors: {
        "/api/*": toApi,
        ...Object.fromEntries(FORM_PAGE_PATHS.map((path) => [path, toApi])),
      },
    });

    acknowledge(
      this.distribution,
      "AwsSolutions-CFR1",
      "No geo restriction: councils' volunteers and families may use the service from abroad; UK data residency is about where data is stored (eu-west-2), not who may load the SPA.",
    );
    if (!props.webAclArn) {
      acknowledge(
        this.distribution,
        "AwsSolutions-CFR2",
        "Synthesised without the edge stack's web ACL (a template for tests): ./tandem deploy deploys TandemEdge in us-east-1 first and passes its WebAclArn (edge.ts, docs/deploy.md).",
      );
    }
    if (!domain) {
      acknowledge(
        this.distribution,
        "AwsSolutions-CFR4",
        "Without a custom domain (context domainName and certificateArn, docs/deploy.md) the distribution uses the default *.cloudfront.net certificate, for which CloudFront does not allow choosing the minimum TLS version.",
      );
    }

    if (props.assetsPath !== undefined) {
      this.deployment = new BucketDeployment(this, "DeploySpa", {
        sources: [Source.asset(props.assetsPath)],
        destinationBucket: this.bucket,
        distribution: this.distribution,
        distributionPaths: ["/*"],
        memoryLimit: 512,
      });
      this.acknowledgeDeploymentHandler();
    }
  }

  /**
   * BucketDeployment's upload function is CDK's own singleton at stack level, used only during deployment:
   * it copies the SPA from the CDK asset bucket into ours and invalidates the distribution. Its policies are
   * CDK's design (and CloudFront invalidation has no resource-level permissions), so they are acknowledged.
   */
  private acknowledgeDeploymentHandler(): void {
    const stack = Stack.of(this);
    const spaBucket = stack.getLogicalId(this.bucket.node.defaultChild as CfnBucket);
    const assetBucket = `arn:<AWS::Partition>:s3:::cdk-${DefaultStackSynthesizer.DEFAULT_QUALIFIER}-assets-<AWS::AccountId>-${stack.region}/*`;
    const findings: Record<string, string> = {
      "AwsSolutions-IAM4[Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole]":
        "CDK's BucketDeployment handler writes its own logs with the AWS basic execution role; it runs only during deployment.",
      "AwsSolutions-L1":
        "CDK's BucketDeployment handler runtime is chosen by aws-cdk-lib, not by this app; it runs only during deployment.",
      "AwsSolutions-IAM5[Action::s3:GetObject*]":
        "CDK's BucketDeployment reads the SPA asset (all object versions/ACL reads) from the CDK asset bucket.",
      "AwsSolutions-IAM5[Action::s3:GetBucket*]":
        "CDK's BucketDeployment inspects the asset and SPA buckets (location, versioning) while copying.",
      "AwsSolutions-IAM5[Action::s3:List*]":
        "CDK's BucketDeployment lists the SPA bucket to prune files removed from the build.",
      "AwsSolutions-IAM5[Action::s3:DeleteObject*]":
        "CDK's BucketDeployment deletes files that are no longer part of the SPA build (prune).",
      "AwsSolutions-IAM5[Action::s3:Abort*]":
        "CDK's BucketDeployment aborts failed multipart uploads of large SPA files.",
      [`AwsSolutions-IAM5[Resource::${assetBucket}]`]:
        "Objects of the CDK bootstrap asset bucket in this account and region: where `cdk deploy` uploads the SPA zip.",
      [`AwsSolutions-IAM5[Resource::<${spaBucket}.Arn>/*]`]:
        "Objects of the SPA bucket, which this deployment replaces as a whole.",
      "AwsSolutions-IAM5[Resource::*]":
        "cloudfront:CreateInvalidation/GetInvalidation after upload; CDK's BucketDeployment grants them on * (the distribution id is only known at deploy time).",
    };
    for (const child of stack.node.children) {
      if (!child.node.id.startsWith("Custom::CDKBucketDeployment")) continue;
      for (const [finding, reason] of Object.entries(findings)) acknowledge(child, finding, reason);
    }
  }
}
