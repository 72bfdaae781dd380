// `json`: the compliance report model as it is (language-neutral: every text carries en and ja).
import type { ComplianceReport } from './build.js';

export const renderComplianceJson = (report: ComplianceReport): string => `${JSON.stringify(report, null, 2)}\n`;
