// The compliance report: build the model once, render each format (report-<framework>.<ext>).
export * from './build.js';
export { renderComplianceCsv } from './csv.js';
export { COMPLIANCE_CSP, renderComplianceHtml } from './html.js';
export { renderComplianceJson } from './json.js';
export { chromiumPath, renderCompliancePdf } from './pdf.js';

export const COMPLIANCE_FORMATS = ['html', 'csv', 'json', 'pdf'] as const;
export type ComplianceFormat = (typeof COMPLIANCE_FORMATS)[number];
export const complianceFileName = (frameworkId: string, format: ComplianceFormat): string =>
  `report-${frameworkId}.${format}`;
