import * as apigw from 'aws-cdk-lib/aws-apigatewayv2';
import * as acm from 'aws-cdk-lib/aws-certificatemanager';
import * as route53 from 'aws-cdk-lib/aws-route53';
import * as targets from 'aws-cdk-lib/aws-route53-targets';
import type { Construct } from 'constructs';
import { StackPart } from './stack-part.ts';

/** A certificate that exists, or a hosted zone to create one (DNS-validated) and the record in. */
export type CustomDomainConfig =
  | { readonly domainName: string; readonly certificateArn: string }
  | { readonly domainName: string; readonly hostedZoneId: string; readonly hostedZoneName: string };

export interface ApiCustomDomainProps {
  readonly config: CustomDomainConfig;
  readonly api: apigw.IHttpApi;
  readonly stage: apigw.IHttpStage;
}

/**
 * The API under the business's own hostname. Emailed links start with it, so the API can be
 * replaced without breaking them. The execute-api address keeps working too: links sent
 * before the domain was added still use it.
 */
export class ApiCustomDomain extends StackPart {
  readonly url: string;

  constructor(scope: Construct, id: string, props: ApiCustomDomainProps) {
    super(scope, id);
    const { config } = props;
    const zone = 'hostedZoneId' in config ? route53.HostedZone.fromHostedZoneAttributes(this, 'ApiHostedZone', { hostedZoneId: config.hostedZoneId, zoneName: config.hostedZoneName }) : undefined;
    const certificate =
      'certificateArn' in config
        ? acm.Certificate.fromCertificateArn(this, 'ApiCertificate', config.certificateArn)
        : new acm.Certificate(this, 'ApiCertificate', { domainName: config.domainName, validation: acm.CertificateValidation.fromDns(zone) });
    const domain = new apigw.DomainName(this, 'ApiDomainName', { domainName: config.domainName, certificate, securityPolicy: apigw.SecurityPolicy.TLS_1_2 });
    new apigw.ApiMapping(this, 'ApiMapping', { api: props.api, domainName: domain, stage: props.stage });
    if (zone) {
      const target = route53.RecordTarget.fromAlias(new targets.ApiGatewayv2DomainProperties(domain.regionalDomainName, domain.regionalHostedZoneId));
      new route53.ARecord(this, 'ApiAliasRecord', { zone, recordName: config.domainName, target });
      new route53.AaaaRecord(this, 'ApiAliasRecordIpv6', { zone, recordName: config.domainName, target });
    }
    this.url = `https://${config.domainName}/`;
  }
}
